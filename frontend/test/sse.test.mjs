// Runs with `node --test` on lib/sse.ts compiled by `npm test` (no browser): the chat stream's parser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseServerSentEvents, textChunks } from '../build/unit/sse.js';

async function* from(chunks) {
  for (const chunk of chunks) yield chunk;
}

async function collect(chunks) {
  const events = [];
  for await (const event of parseServerSentEvents(from(chunks))) events.push(event);
  return events;
}

/** Every way of cutting `text` into chunks at line-end characters, the cut just before and just after each. */
function cutsAtLineEnds(text) {
  const positions = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' || text[i] === '\n') positions.push(i, i + 1);
  }
  return [...new Set(positions)].map((at) => [text.slice(0, at), text.slice(at)]);
}

const CHAT =
  'event: partial\r\ndata: {"text":"Hel"}\r\n\r\n' +
  'event: partial\r\ndata: {"text":"lo"}\r\n\r\n' +
  'event: reply\r\ndata: {"answer":"Hello",\r\ndata: "tokens":3}\r\n\r\n';

const CHAT_EVENTS = [
  { event: 'partial', data: '{"text":"Hel"}' },
  { event: 'partial', data: '{"text":"lo"}' },
  { event: 'reply', data: '{"answer":"Hello",\n"tokens":3}' },
];

test('a CRLF stream in one chunk gives its three events', async () => {
  assert.deepEqual(await collect([CHAT]), CHAT_EVENTS);
});

test('a CR ending one chunk and its LF starting the next is one line end, not an event boundary', async () => {
  const cut = CHAT.indexOf('\r\n') + 1; // after the CR of "event: partial\r"
  assert.equal(CHAT[cut - 1], '\r');
  assert.equal(CHAT[cut], '\n');
  assert.deepEqual(await collect([CHAT.slice(0, cut), CHAT.slice(cut)]), CHAT_EVENTS);
});

test('cut in two at every CR and LF, the stream gives exactly the same events', async () => {
  const cuts = cutsAtLineEnds(CHAT);
  assert.ok(cuts.length > 20, `only ${cuts.length} cuts`);
  for (const chunks of cuts) {
    assert.deepEqual(await collect(chunks), CHAT_EVENTS, JSON.stringify(chunks));
  }
});

test('cut into single characters, the stream gives exactly the same events', async () => {
  assert.deepEqual(await collect([...CHAT]), CHAT_EVENTS);
});

test('LF-only and CR-only line ends are line ends too', async () => {
  assert.deepEqual(await collect(['event: a\ndata: 1\n\n', 'event: b\rdata: 2\r\r']), [
    { event: 'a', data: '1' },
    { event: 'b', data: '2' },
  ]);
});

test('a CR ending the last chunk is a line end: the event it completes is not lost', async () => {
  assert.deepEqual(await collect(['data: last\r', '\r']), [{ event: 'message', data: 'last' }]);
  assert.deepEqual(await collect(['data: last\r\r']), [{ event: 'message', data: 'last' }]);
  assert.deepEqual(await collect(['data: last\n\r']), [{ event: 'message', data: 'last' }]);
});

test('a CR ending one chunk and a CR starting the next are two line ends, so an event boundary', async () => {
  assert.deepEqual(await collect(['data: a\r', '\rdata: b\r\n\r\n']), [
    { event: 'message', data: 'a' },
    { event: 'message', data: 'b' },
  ]);
});

test('an event without a name is a message; comments and events without data give nothing', async () => {
  assert.deepEqual(await collect([': keep-alive\r\n\r\n', 'event: empty\r\n\r\n', 'data: x\r\n\r\n']), [
    { event: 'message', data: 'x' },
  ]);
});

test('an event the stream ends in the middle of is dropped', async () => {
  assert.deepEqual(await collect(['data: whole\n\n', 'event: reply\ndata: half']), [{ event: 'message', data: 'whole' }]);
});

test('each event is handed on as soon as its blank line has arrived, before the stream ends', async () => {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  async function* slow() {
    yield 'data: first\r';
    yield '\n\r\n';
    await gate;
    yield 'data: second\r\n\r\n';
  }
  const events = parseServerSentEvents(slow());
  assert.deepEqual((await events.next()).value, { event: 'message', data: 'first' });
  release();
  assert.deepEqual((await events.next()).value, { event: 'message', data: 'second' });
  assert.equal((await events.next()).done, true);
});

test('a response body split inside a multi-byte character and inside a CRLF decodes and parses whole', async () => {
  const bytes = new TextEncoder().encode('data: {"text":"€ 5"}\r\n\r\n');
  const euro = bytes.indexOf(0xe2);
  const crlf = bytes.indexOf(0x0d);
  const body = new ReadableStream({
    start(controller) {
      controller.enqueue(bytes.slice(0, euro + 1));
      controller.enqueue(bytes.slice(euro + 1, crlf + 1));
      controller.enqueue(bytes.slice(crlf + 1));
      controller.close();
    },
  });
  const events = [];
  for await (const event of parseServerSentEvents(textChunks(body))) events.push(event);
  assert.deepEqual(events, [{ event: 'message', data: '{"text":"€ 5"}' }]);
});
