/**
 * Static export: `next build` writes a plain HTML/JS/CSS bundle to ./out,
 * which the Java WAR serves at `/` (same origin as the /api/v1 endpoints).
 * The WAR answers unknown paths with index.html, so all views are rendered
 * by one client-side app that reads window.location.pathname.
 *
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  output: 'export',
  images: { unoptimized: true },
  trailingSlash: false,
  reactStrictMode: true,
  poweredByHeader: false,
  // ESLint is deliberately not a dependency; `next build` still type-checks.
  eslint: { ignoreDuringBuilds: true },
};

export default nextConfig;
