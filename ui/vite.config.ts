import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The UI is served from ui/ and built into ui/dist, which src-tauri/tauri.conf.json
// points at (build.frontendDist). Relative asset URLs keep the build loadable
// from the Tauri asset protocol and from a file:// URL alike.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  clearScreen: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // WebKitGTK on Debian 12 (2.4x) supports ES2021 comfortably.
    target: "es2021",
  },
  server: {
    port: 1420,
    strictPort: true,
    watch: { ignored: ["**/src-tauri/**", "**/target/**"] },
  },
  preview: {
    port: 1420,
    strictPort: true,
  },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
