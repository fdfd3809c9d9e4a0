import preact from "@preact/preset-vite";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

export default defineConfig({
  root: "client",
  publicDir: "public",
  build: {
    outDir: "../dist",
    emptyOutDir: true,
    target: "es2020",
    // The first screen's budget is measured from this manifest (tests/build/budget.test.ts).
    manifest: true,
  },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
  plugins: [
    preact(),
    VitePWA({
      strategies: "injectManifest",
      srcDir: "../sw",
      filename: "sw.ts",
      // Registered by client/sw-register.ts through workbox-window, so that an
      // update waits for the user's consent instead of reloading under them.
      injectRegister: false,
      registerType: "prompt",
      injectManifest: {
        globPatterns: ["**/*.{js,css,html,svg,png,webmanifest,woff2}"],
        // The operator console (client/console, with its chart library) is for office PCs online:
        // cadres' phones must not download it with the app shell.
        globIgnores: ["**/ConsoleApp-*"],
      },
      manifest: {
        name: "Masdarin — Panduan Perizinan",
        short_name: "Masdarin",
        description: "Persyaratan layanan perizinan PTSP, bisa dibuka tanpa sinyal.",
        lang: "id",
        start_url: "/",
        scope: "/",
        display: "standalone",
        orientation: "portrait",
        theme_color: "#0b5d4b",
        background_color: "#f7f5ef",
        icons: [
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
    }),
  ],
});
