import { measureBundle } from './bench/bundle'
for (const p of await measureBundle()) console.log(p.name, p.files, (p.gzip / 1024).toFixed(1))
