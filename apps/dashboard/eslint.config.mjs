import jsxA11y from 'eslint-plugin-jsx-a11y';

import baseConfig from '../../eslint.config.mjs';

export default [...baseConfig, { ...jsxA11y.flatConfigs.recommended, files: ['**/*.tsx'] }];
