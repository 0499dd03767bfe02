import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The API lives under /function/<name>/ on the same origin (make run, nginx); `vite dev` proxies it.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { "/function": "http://127.0.0.1:8080", "/wm-config.json": "http://127.0.0.1:8080" } },
  build: { outDir: "dist", sourcemap: true },
  test: { environment: "jsdom", include: ["src/**/*.test.ts", "src/**/*.test.tsx"] },
});
