import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** The built page: `DASHBOARD_DIR`, else `dist/apps/dashboard` next to this process's `dist/apps/all-in-one/main.js`. */
export function dashboardDir(env: NodeJS.ProcessEnv = process.env, mainDir: string = __dirname): string {
  return resolve(env['DASHBOARD_DIR'] || join(mainDir, '../dashboard'));
}

const NOT_BUILT_PAGE = (dir: string) =>
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dashboard not built</title></head>' +
  `<body><h1>The dashboard is not built</h1><p>No page at <code>${dir}</code>. Run <code>npx nx build dashboard</code> ` +
  '(or <code>npm run demo</code>) and restart; the API and the streams work meanwhile.</p></body></html>';

/**
 * Serves the dashboard page at `/` from `dir`: `index.html` never cached (it names the current
 * assets), the hashed assets cached for a year. Other paths (`/api`, `/sse`, `/events`, `/health`,
 * `/metrics`) find no file there and fall through to the process's routes. Without the folder: a
 * warning and a 503 page at `/`.
 */
export function serveDashboard(app: NestExpressApplication, dir: string): void {
  const logger = new Logger('Dashboard');
  if (!existsSync(join(dir, 'index.html'))) {
    logger.warn(`dashboard not built: ${dir}/index.html is missing; / answers 503 until it is built (DASHBOARD_DIR overrides the folder)`);
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || (req.path !== '/' && req.path !== '/index.html')) return next();
      res.status(503).set('Cache-Control', 'no-store').type('html').send(NOT_BUILT_PAGE(dir));
    });
    return;
  }
  app.useStaticAssets(dir, {
    index: 'index.html',
    fallthrough: true,
    setHeaders: (res, path) =>
      res.setHeader('Cache-Control', basename(path) === 'index.html' ? 'no-cache' : 'public, max-age=31536000, immutable'),
  });
  logger.log(`serving the dashboard page from ${dir}`);
}
