const jwt = require('jsonwebtoken');

function issue(user) {
  return jwt.sign({ sub: user.id }, 'kY4frKj3r9rUi3KYLYUHB6H9YwXOoSd3', { expiresIn: '1h' });
}

function issueFromEnv(user) {
  return jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });
}

module.exports = { issue, issueFromEnv };
