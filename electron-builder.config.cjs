// Packaging for macOS (dmg), Windows (NSIS) and Linux (AppImage, deb).
// It needs Electron's binary, which the build machines cannot download, so it is
// checked by tests/unit/packaging-config.test.ts rather than run in CI.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'app.stagecraft.desktop',
  productName: 'Stagecraft',
  copyright: 'Copyright © Stagecraft',
  directories: { output: 'dist', buildResources: 'build' },
  icon: 'build/icon.png',
  files: ['out/**/*', 'package.json', '!**/*.map'],
  asar: true,
  // Native modules cannot be loaded from inside the asar archive.
  asarUnpack: ['**/node_modules/better-sqlite3/**', '**/*.node'],
  npmRebuild: false,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false
  },
  mac: {
    category: 'public.app-category.business',
    target: [{ target: 'dmg', arch: ['arm64', 'x64'] }],
    hardenedRuntime: true
  },
  win: { target: [{ target: 'nsis', arch: ['x64'] }] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    maintainer: 'Stagecraft',
    synopsis: 'Plan, price and track AI team and platform build-outs'
  }
}
