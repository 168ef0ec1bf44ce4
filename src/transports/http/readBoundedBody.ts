import type { IncomingMessage } from 'node:http'

/**
 * Reads a request body of at most `limit` bytes. Over the limit it stops
 * collecting (the caller answers 413); 'failed' when the client went away.
 */
export function readBoundedBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'failed'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      request.off('data', onData)
      resolve('too-large')
    }
    request.on('data', onData)
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', () => resolve('failed'))
    request.on('aborted', () => resolve('failed'))
  })
}
