import { createServer, type Server } from 'node:http';

/**
 * The gateway data plane (Sistem Penghubung Layanan). Its proxy, policies and exchange log arrive
 * with the interop module; until then it answers its health check and refuses every other path
 * with a problem+json 404, so operators can already wire load balancers to the port.
 */
export function createGatewayServer(): Server {
  return createServer((req, res) => {
    if (req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    res.writeHead(404, { 'content-type': 'application/problem+json; charset=utf-8' }).end(
      JSON.stringify({
        type: 'urn:simpul:problem:route-not-found',
        title: 'Alamat tidak ditemukan.',
        status: 404,
        detail: 'Belum ada API yang diterbitkan pada gateway ini.',
        code: 'ROUTE_NOT_FOUND',
      }),
    );
  });
}
