// Types of request-guard.mjs (plain JavaScript so the web server runs without a compiler).
export declare const CLIENT_ADDRESS_HEADER: "x-fieldwork-client-address";
export declare const SERVED_METHODS: Set<string>;
export declare const BARE_SECURITY_HEADERS: Record<string, string>;
export declare function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string;
