// Self-test of the SSE/HTTP stream parser: every framing split at every byte boundary. Run: node tools/hub-bench/sse-stream.selftest.mjs
import { SseStream } from './lib/sse-stream.mjs';
const body = 'retry: 3000\n\n: hb\n\nid: 1\nevent: connected\ndata: {}\n\nid: a-1\r\nevent: inventory:update\r\ndata: {"sku":"bench-5-1.5"}\r\n\r\nid: a-2\nevent: x\ndata: l1\ndata: l2\n\n';
function chunked(s, size) { let out=''; for (let i=0;i<s.length;i+=size){const c=s.slice(i,i+size); out+=c.length.toString(16)+'\r\n'+c+'\r\n';} return out+'0\r\n\r\n'; }
for (const te of ['chunked','identity']) for (const cs of [1,3,7,1000]) {
  const raw = Buffer.from(`HTTP/1.1 200 OK\r\n${te==='chunked'?'Transfer-Encoding: chunked\r\n':''}Content-Type: text/event-stream\r\n\r\n` + (te==='chunked'?chunked(body,cs):body));
  for (const split of [1,2,5,13,raw.length]) {
    const frames=[]; let comments=0, status=0;
    const s = new SseStream((st)=>status=st,(id,ev,d)=>frames.push([id,ev,d]),()=>comments++);
    for (let i=0;i<raw.length;i+=split) s.push(raw.subarray(i,i+split));
    const got = JSON.stringify(frames);
    const want = JSON.stringify([["1","connected","{}"],["a-1","inventory:update",'{"sku":"bench-5-1.5"}'],["a-2","x","l1\nl2"]]);
    if (got!==want||comments!==1||status!==200) { console.log('FAIL',te,cs,split,got,comments); process.exit(1); }
  }
}
console.log('sse-stream self-test ok');
