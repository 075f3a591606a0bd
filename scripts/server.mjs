// The web server `fieldwork start` runs: Next.js inside a thin Node HTTP layer that
//  - writes the client's address (socket peer, or trusted proxies' X-Forwarded-For) into a header that no
//    client can set, for the sign-in rate limit: Next.js route handlers cannot see the socket;
//  - answers methods the app does not serve (TRACE…) with 405 before Next.js sees them.
// Usage: node scripts/server.mjs --port 3000 --host 127.0.0.1 --trust-proxy 0 [--dev]
import http from "node:http";
import { parseArgs } from "node:util";
import { BARE_SECURITY_HEADERS, CLIENT_ADDRESS_HEADER, SERVED_METHODS, clientAddress } from "./server/request-guard.mjs";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3000" },
    host: { type: "string", default: "127.0.0.1" },
    "trust-proxy": { type: "string", default: "0" },
    dev: { type: "boolean", default: false },
  },
});
const port = Number(values.port);
const trustedHops = Number(values["trust-proxy"]);
const dev = values.dev;

const { default: next } = await import("next");
const server = http.createServer();
const app = next({ dev, hostname: values.host, port, httpServer: server });
const handle = app.getRequestHandler();
await app.prepare();

server.on("request", (req, res) => {
  if (!SERVED_METHODS.has(req.method ?? "")) {
    res.writeHead(405, { ...BARE_SECURITY_HEADERS, "content-type": "application/json", allow: [...SERVED_METHODS].join(", ") });
    res.end(JSON.stringify({ error: `The method ${req.method} is not allowed.` }));
    return;
  }
  const address = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedHops);
  // Drop any copy the client sent (from the raw list too), then set ours.
  for (let i = req.rawHeaders.length - 2; i >= 0; i -= 2) {
    if (req.rawHeaders[i].toLowerCase() === CLIENT_ADDRESS_HEADER) req.rawHeaders.splice(i, 2);
  }
  req.rawHeaders.push(CLIENT_ADDRESS_HEADER, address);
  req.headers[CLIENT_ADDRESS_HEADER] = address;
  void handle(req, res);
});
server.listen(port, values.host);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
