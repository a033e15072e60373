import { createParser } from 'eventsource-parser';

/** One server-sent event as the chat stream uses them: a name (default `message`) and its data lines joined. */
export interface ServerSentEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * The events of a stream of text chunks, each as soon as it has arrived whole. Line ends are CR, LF or CRLF
 * anywhere, also a CRLF split across two chunks (a CR ending one chunk is held until the next shows whether an LF
 * follows), which eventsource-parser handles as the HTML standard's event-stream grammar asks. An event the stream
 * ends in the middle of is dropped, as the standard says.
 */
export async function* parseServerSentEvents(chunks: AsyncIterable<string>): AsyncGenerator<ServerSentEvent> {
  const ready: ServerSentEvent[] = [];
  const parser = createParser({
    onEvent: (message) =>
      ready.push({
        event: message.event ?? 'message',
        data: message.data,
        ...(message.id === undefined ? {} : { id: message.id }),
      }),
  });
  let endsInCr = false;
  for await (const chunk of chunks) {
    if (chunk === '') continue;
    parser.feed(chunk);
    endsInCr = chunk.endsWith('\r');
    while (ready.length > 0) yield ready.shift() as ServerSentEvent;
  }
  // The parser holds a final CR in case an LF follows; at the end nothing follows, so it was a line end.
  if (endsInCr) {
    parser.feed('\n');
    while (ready.length > 0) yield ready.shift() as ServerSentEvent;
  }
}

/** The text of a response body chunk by chunk (decoded as UTF-8 across chunk boundaries). */
export async function* textChunks(body: ReadableStream<Uint8Array<ArrayBuffer>>): AsyncGenerator<string> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
