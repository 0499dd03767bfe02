// Build the extension from src/ into build/chrome and build/firefox (loadable unpacked) and a zip of each
// (build/workmonitor-chrome.zip for Chrome and Edge, build/workmonitor-firefox.zip), ready for a store.
// One source tree; only the manifest differs: Chrome/Edge run the background as a module service worker,
// Firefox as module background scripts with its browser_specific_settings.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { crc32, deflateRawSync } from "node:zlib";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SRC = join(ROOT, "src");
const OUT = join(ROOT, "build");
export const GECKO_ID = "workmonitor@workmonitor.app";

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** The manifest for one browser family ("chrome" or "firefox"). */
export function manifest(target) {
  const base = JSON.parse(readFileSync(join(SRC, "manifest.json"), "utf8"));
  if (target === "chrome") return { ...base, background: { service_worker: "background.js", type: "module" }, minimum_chrome_version: "116" };
  return {
    ...base,
    background: { scripts: ["background.js"], type: "module" },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: "142.0",
        data_collection_permissions: { required: ["browsingActivity", "websiteActivity", "personallyIdentifyingInfo"] },
      },
    },
  };
}

/** A plain zip (deflate) of `entries` [{name, data}], the format every browser store accepts. */
function zip(entries) {
  const chunks = [];
  const central = [];
  let offset = 0;
  const dosTime = 0; // fixed timestamps: the same sources give the same zip
  const dosDate = (1 << 5) | 1; // 1980-01-01
  for (const { name, data } of entries) {
    const nameBuf = Buffer.from(name, "utf8");
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(0x0800, 8);
    head.writeUInt16LE(8, 10);
    head.writeUInt16LE(dosTime, 12);
    head.writeUInt16LE(dosDate, 14);
    head.writeUInt32LE(crc, 16);
    head.writeUInt32LE(packed.length, 20);
    head.writeUInt32LE(data.length, 24);
    head.writeUInt16LE(nameBuf.length, 28);
    head.writeUInt32LE(offset, 42);
    chunks.push(local, nameBuf, packed);
    central.push(head, nameBuf);
    offset += local.length + nameBuf.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, dir, end]);
}

export function build() {
  rmSync(OUT, { recursive: true, force: true });
  const sources = files(SRC).filter((p) => relative(SRC, p) !== "manifest.json").sort();
  for (const target of ["chrome", "firefox"]) {
    const dir = join(OUT, target);
    const entries = [{ name: "manifest.json", data: Buffer.from(JSON.stringify(manifest(target), null, 2) + "\n") }];
    for (const path of sources) entries.push({ name: relative(SRC, path).split("\\").join("/"), data: readFileSync(path) });
    for (const { name, data } of entries) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), data);
    }
    writeFileSync(join(OUT, `workmonitor-${target}.zip`), zip(entries));
  }
  return OUT;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`built ${relative(process.cwd(), build()) || "."}/{chrome,firefox} and their zips`);
}
