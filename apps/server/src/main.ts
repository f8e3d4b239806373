import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { openDatabase, seedDemoIfEmpty } from './boot';
import { listenUrl, loadConfig } from './config';
import { DEMO_PASSWORD } from './demo/load-region';
import { createServices } from './services';
import { setTimeZone } from './shared/time';

const config = loadConfig();
setTimeZone(config.timeZone);
const here = path.dirname(fileURLToPath(import.meta.url));
const webDist = config.webDist ?? path.resolve(here, '../../web/dist');

const handle = await openDatabase(config);
const seeded = await seedDemoIfEmpty(handle, config, (m) => console.log(m));
const services = createServices(handle.db, config);
const interrupted = await services.imports.recoverInterrupted();
if (interrupted > 0) console.log(`${interrupted} 个未完成的导入任务已标记为失败（服务重启）`);
if (await services.hoursCompliance.ensureTotals()) console.log('学时汇总已按当前规则重建');
const app = await buildApp({
  services,
  cookieSecure: config.cookieSecure,
  publicUrl: config.publicUrl,
  maxUploadBytes: config.maxUploadBytes,
  logLevel: config.logLevel,
  webDist,
  trustProxy: config.trustProxy,
});

const shutdown = async () => {
  await app.close();
  await handle.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

await app.listen({ port: config.port, host: config.host });
if (!config.publicUrlSet && !['127.0.0.1', 'localhost', '::1'].includes(config.host))
  console.log(
    `注意: 未设置 PUBLIC_URL，学时证明和证书上的验证地址为 ${config.publicUrl}，其他电脑无法访问；请设置 PUBLIC_URL（如 https://yanxun.example.gov.cn）`,
  );
const url = listenUrl(config.host, config.port);
console.log(`\n研训 Yanxun 已启动: ${url}   API 文档: ${url}/api/docs`);
console.log(
  `数据库: ${handle.engine === 'pglite' ? `内置 PGlite (${path.join(config.dataDir, 'pglite')})` : 'PostgreSQL'}`,
);
if (seeded || handle.engine === 'pglite') {
  console.log(
    `演示账号 (密码均为 ${DEMO_PASSWORD}): admin, province, city, qingcheng, yingde, tdc, school, teacher …`,
  );
}
