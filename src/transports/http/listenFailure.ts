/** Why the server could not listen, in one line naming the setting to change. */
export function listenFailure(error: unknown, host: string, port: number): Error {
  const code = (error as { code?: string }).code
  switch (code) {
    case 'EADDRINUSE':
      return new Error(`port ${port} on ${host} is already in use; stop the other program or set HTTP_PORT`)
    case 'EACCES':
      return new Error(`not allowed to listen on port ${port}; use a port above 1023 or set HTTP_PORT`)
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EADDRNOTAVAIL':
    case 'EINVAL':
      return new Error(`cannot listen on HTTP_HOST=${host}: not an address of this machine (try 127.0.0.1 or 0.0.0.0)`)
    default:
      return new Error(`cannot listen on ${host}:${port}: ${(error as Error)?.message ?? String(error)}`)
  }
}
