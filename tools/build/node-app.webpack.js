const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { basename, join } = require('path');

/** The store applies its migrations on start; a process that opens the store ships them next to main.js. */
const STORE_MIGRATIONS = { input: '../../libs/store/migrations', glob: '**/*', output: 'migrations' };

/**
 * The webpack configuration of one Node app under `apps/<name>`: `src/main.ts` bundled with tsc
 * into `dist/apps/<name>`, dependencies left external (with a generated package.json), source maps.
 * `assets` defaults to the store's migrations, which every worker and the all-in-one process need.
 */
module.exports = function nodeAppWebpack(appDir, { assets = [STORE_MIGRATIONS] } = {}) {
  return {
    output: {
      path: join(appDir, '../../dist/apps', basename(appDir)),
      clean: true,
      ...(process.env.NODE_ENV !== 'production' && {
        devtoolModuleFilenameTemplate: '[absolute-resource-path]',
      }),
    },
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: './src/main.ts',
        tsConfig: './tsconfig.app.json',
        assets,
        optimization: false,
        outputHashing: 'none',
        generatePackageJson: true,
        sourceMap: true,
      }),
    ],
  };
};
