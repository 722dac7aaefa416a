// Runs first in start, test and bench: the platform needs Node 24 (LTS). npm scripts get it from
// the `node` devDependency; reaching this with another major means `npm ci` has not run here or
// the script was started outside npm.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) {
  console.error(
    `This platform runs on Node 24 LTS, but this is Node ${process.versions.node}.\n` +
      'Run it through npm (npm start, npm test): after `npm ci` they use the Node 24 that the ' +
      '`node` devDependency brings. Node 20 is past its end of life and some dependencies need 22+.',
  );
  process.exit(1);
}
