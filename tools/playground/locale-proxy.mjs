// Sits between the Agents Playground and the bot and gives every activity the locale a Teams client in that
// language sends (`locale` and the clientInfo entity's `locale`): the Playground always sends en-US.
//   node tools/playground/locale-proxy.mjs <listen port> <bot base URL> <locale>
import http from 'node:http';

const [port, target, locale] = process.argv.slice(2);
if (!port || !target || !locale) {
  console.error('usage: node locale-proxy.mjs <port> <bot base URL> <locale>');
  process.exit(2);
}

const bot = new URL(target);
const server = http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (c) => chunks.push(c));
  request.on('end', () => {
    let body = Buffer.concat(chunks);
    if ((request.headers['content-type'] ?? '').includes('json') && body.length > 0) {
      try {
        const activity = JSON.parse(body.toString('utf8'));
        activity.locale = locale;
        for (const entity of activity.entities ?? []) {
          if (entity?.type === 'clientInfo') entity.locale = locale;
        }
        body = Buffer.from(JSON.stringify(activity), 'utf8');
      } catch {
        // Not JSON after all: forwarded as it came; the bot answers 400.
      }
    }
    const headers = { ...request.headers, host: bot.host, 'content-length': String(body.length) };
    const forward = http.request({ host: bot.hostname, port: bot.port, path: request.url, method: request.method, headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    forward.on('error', (e) => {
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`locale proxy: the bot did not answer (${e.message})`);
    });
    forward.end(body);
  });
});
server.listen(Number(port), '127.0.0.1', () => console.log(`locale proxy on ${port} -> ${target} as ${locale}`));
