// A worker entry that cannot start (its module throws while loading).
throw new Error("cannot load the task modules");
