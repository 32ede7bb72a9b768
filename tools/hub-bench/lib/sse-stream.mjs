// Minimal but correct client-side parser for one SSE response read from a raw socket:
// HTTP/1.1 status line and headers, then either a chunked or an identity body, then SSE frames
// (lines split on \n with an optional trailing \r, frames ended by an empty line, comment lines
// starting with ':'). Only what the benchmark needs is extracted from each frame.

const CR = 13;
const LF = 10;
const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * Feeds raw socket bytes in; calls `onFrame(id, event, data)` for every dispatched frame that
 * has data, `onComment()` for every comment line (heartbeats) and `onOpen(status)` once the
 * response head is parsed. Throws on a malformed chunked body.
 */
export class SseStream {
  constructor(onOpen, onFrame, onComment) {
    this.onOpen = onOpen;
    this.onFrame = onFrame;
    this.onComment = onComment;
    this.head = null; // Buffer of the response head while it is incomplete
    this.open = false;
    this.chunked = false;
    this.raw = null; // leftover chunked-encoding bytes
    this.chunkLeft = -1; // -1: expecting a size line; -2: expecting CRLF after data; >=0: data bytes left
    this.text = ''; // SSE text not yet ended by a line feed
    this.id = '';
    this.event = '';
    this.data = null;
    this.ended = false;
  }

  push(buf) {
    if (!this.open) {
      const all = this.head ? Buffer.concat([this.head, buf]) : buf;
      const end = all.indexOf(HEADER_END);
      if (end < 0) {
        this.head = all;
        return;
      }
      this.head = null;
      const headText = all.toString('latin1', 0, end);
      const status = Number(headText.slice(9, 12));
      this.chunked = /\r\ntransfer-encoding:[^\r]*chunked/i.test(headText);
      this.open = true;
      this.onOpen(status);
      buf = all.subarray(end + 4);
      if (buf.length === 0) return;
    }
    if (this.chunked) this.pushChunked(buf);
    else this.pushText(buf.toString('utf8'));
  }

  pushChunked(buf) {
    if (this.ended) return; // bytes after the last chunk (trailers) carry no events
    let b = this.raw ? Buffer.concat([this.raw, buf]) : buf;
    this.raw = null;
    let i = 0;
    let out = '';
    while (i < b.length) {
      if (this.chunkLeft === -1) {
        const nl = b.indexOf(LF, i);
        if (nl < 0) break;
        const size = parseInt(b.toString('latin1', i, nl), 16); // ignores ;extensions and \r
        if (Number.isNaN(size)) throw new Error('bad chunk size line');
        i = nl + 1;
        if (size === 0) {
          this.ended = true;
          break;
        }
        this.chunkLeft = size;
      } else if (this.chunkLeft === -2) {
        if (b.length - i < 2) break;
        if (b[i] !== CR || b[i + 1] !== LF) throw new Error('missing CRLF after chunk');
        i += 2;
        this.chunkLeft = -1;
      } else {
        const take = Math.min(this.chunkLeft, b.length - i);
        out += b.toString('utf8', i, i + take); // SSE frames are ASCII here; a split UTF-8 char is not a concern for the bench payload
        i += take;
        this.chunkLeft -= take;
        if (this.chunkLeft === 0) this.chunkLeft = -2;
      }
    }
    if (i < b.length) this.raw = b.subarray(i);
    if (out) this.pushText(out);
  }

  pushText(str) {
    let text = this.text ? this.text + str : str;
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      let end = nl;
      if (end > start && text.charCodeAt(end - 1) === CR) end--;
      if (end === start) this.dispatch();
      else this.line(text, start, end);
      start = nl + 1;
    }
    this.text = start < text.length ? text.slice(start) : '';
  }

  line(text, start, end) {
    const c = text.charCodeAt(start);
    if (c === 58 /* : */) {
      this.onComment();
      return;
    }
    let colon = text.indexOf(':', start);
    if (colon < 0 || colon > end) colon = end;
    const field = text.slice(start, colon);
    let vStart = colon + 1;
    if (text.charCodeAt(vStart) === 32) vStart++;
    const value = vStart <= end ? text.slice(vStart, end) : '';
    if (field === 'data') this.data = this.data === null ? value : this.data + '\n' + value;
    else if (field === 'id') this.id = value;
    else if (field === 'event') this.event = value;
    // retry and unknown fields are ignored, as the spec says
  }

  dispatch() {
    if (this.data !== null) this.onFrame(this.id, this.event || 'message', this.data);
    this.data = null;
    this.event = '';
    // `id` persists across frames per the SSE spec (last event id)
  }
}
