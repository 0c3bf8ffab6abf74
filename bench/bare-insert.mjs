// R1's B side: node:http with a mysql2 pool of 10, one INSERT of a learning-record-shaped row per
// POST into a scratch table of the bench database. Arguments: port, database URL.
import { createServer } from 'node:http';
import { createPool } from 'mysql2/promise';

const [port, url] = process.argv.slice(2);
const pool = createPool({ uri: url, connectionLimit: 10 });
await pool.query(`CREATE TABLE IF NOT EXISTS bench_records (
  id INT AUTO_INCREMENT PRIMARY KEY, worker_id INT NOT NULL, occurred_on DATE NOT NULL,
  hours DECIMAL(6,2) NOT NULL, source VARCHAR(20) NOT NULL, source_ref VARCHAR(100) NOT NULL,
  title VARCHAR(300) NOT NULL, institution_id INT NULL, enterprise_id INT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uq_bench_record (worker_id, source, source_ref))`);
let n = 0;
createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    try {
      const row = JSON.parse(Buffer.concat(chunks).toString() || '{}');
      const [result] = await pool.execute(
        `INSERT INTO bench_records (worker_id, occurred_on, hours, source, source_ref, title, institution_id, enterprise_id)
         VALUES (?, ?, ?, 'EXTERNAL', ?, ?, 1, 1)`,
        [1, row.completedOn ?? '2025-05-20', row.hours ?? 4, `bench:${process.pid}:${++n}`, row.title ?? ''],
      );
      const body = JSON.stringify({ id: result.insertId });
      res.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    } catch (error) {
      res.writeHead(500);
      res.end(String(error));
    }
  });
}).listen(Number(port), '127.0.0.1', () => console.log('listening'));
