/** The unit project of jest.config.js on its own, for tools that take one jest config (StrykerJS). */
const { projects } = require('../../jest.config');

module.exports = projects.find((project) => project.displayName === 'unit');
