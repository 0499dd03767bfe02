// Pack the desktop agent (clients/desktop) as a source distribution the web app serves for download:
// dist/downloads/workmonitor_agent-<version>.tar.gz (pip/pipx install it: the archive holds pyproject.toml) and
// dist/downloads/agent.json ({file, version, size, sha256}) which the Downloads page reads.
// Runs after `vite build` (package.json "build"); no dependency: a plain ustar writer plus node's gzip.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const here = fileURLToPath(new URL(".", import.meta.url));
const agent = join(here, "..", "..", "desktop");
const out = join(here, "..", "dist", "downloads");

const pyproject = readFileSync(join(agent, "pyproject.toml"), "utf8");
const version = pyproject.match(/^version\s*=\s*"([^"]+)"/m)?.[1];
if (!version) throw new Error("clients/desktop/pyproject.toml has no version");
const top = `workmonitor_agent-${version}`;

/** Files of the agent that an install needs: pyproject, README and the package (no tests, caches or builds). */
function files(dir) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const rel = relative(agent, path);
    if (name === "__pycache__" || name.endsWith(".pyc") || name.endsWith(".egg-info")) continue;
    if (statSync(path).isDirectory()) {
      if (rel === "workmonitor_agent" || rel.startsWith("workmonitor_agent/")) found.push(...files(path));
    } else if (rel.startsWith("workmonitor_agent/") || ["pyproject.toml", "README.md"].includes(rel)) {
      found.push(path);
    }
  }
  return found;
}

function header(name, size) {
  const h = Buffer.alloc(512);
  const put = (text, at, len) => h.write(text, at, len, "utf8");
  const octal = (n, len) => n.toString(8).padStart(len - 1, "0") + "\0";
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf("/", 155);
    put(name.slice(cut + 1), 0, 100);
    put(name.slice(0, cut), 345, 155);
  } else put(name, 0, 100);
  put(octal(0o644, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(0, 12), 136, 12); // mtime 0: the same sources give the same archive
  put("        ", 148, 8);
  put("0", 156, 1);
  put("ustar\0", 257, 6);
  put("00", 263, 2);
  let sum = 0;
  for (const b of h) sum += b;
  put(octal(sum, 7) + " ", 148, 8);
  return h;
}

const parts = [];
const pkgInfo = Buffer.from(`Metadata-Version: 2.1\nName: workmonitor-agent\nVersion: ${version}\n`);
for (const [name, data] of [[`${top}/PKG-INFO`, pkgInfo], ...files(agent).map((p) => [`${top}/${relative(agent, p)}`, readFileSync(p)])]) {
  parts.push(header(name, data.length), data, Buffer.alloc((512 - (data.length % 512)) % 512));
}
parts.push(Buffer.alloc(1024));
const archive = gzipSync(Buffer.concat(parts), { level: 9 });
mkdirSync(out, { recursive: true });
const file = `${top}.tar.gz`;
writeFileSync(join(out, file), archive);
const info = { file, version, size: archive.length, sha256: createHash("sha256").update(archive).digest("hex") };
writeFileSync(join(out, "agent.json"), JSON.stringify(info, null, 2) + "\n");
console.log(`packed the desktop agent: downloads/${file} (${archive.length} bytes)`);
