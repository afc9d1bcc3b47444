'use strict';

// The benchmark's second peer: an echo agent on the Microsoft 365 Agents SDK for JavaScript
// (npm @microsoft/agents-hosting 1.8.1), the successor of botbuilder-js. It is wired the way the SDK's own
// `startServer` (@microsoft/agents-hosting-express) wires an agent: the SDK's `authorizeJWT` middleware in front of
// `CloudAdapter.process`, an `AgentApplication` answering every message. Against the bench's local identity service
// instead of Microsoft's, with these adaptations and no others:
//   1. JWKS: the SDK hard-codes Bot Framework's key URL (login.botframework.com) for tokens issued by
//      https://api.botframework.com. The JWKS client the SDK keeps for that URL is pointed at the local issuer's
//      HTTPS key document (its `options.jwksUri`, read at every fetch); caching and key lookup stay the SDK's.
//   2. MSAL: the SDK's token provider builds msal-node's ConfidentialClientApplication with the configured authority;
//      msal-node would look an unknown authority up online (instance discovery). The provider's client-secret client
//      is built as the SDK builds it, plus `knownAuthorities` and `authorityMetadata` for the local issuer (the same
//      adaptation the botbuilder-js peer needs). The token still comes from the SDK's cache.
//   3. Node's own http server instead of express (as for the botbuilder-js peer): the body is parsed with JSON.parse
//      and handed over as express.json() would; the response object offers what the SDK calls (status, send, end).
// The SDK's optional service-URL check (`validateServiceUrl`: the activity's serviceUrl must equal the token's
// serviceurl claim) is turned on, so the agent checks what botbuilder-js and DiligenceBot check.
//
// Configuration (environment), the same interface as peer/echo-bot.js:
//   PORT, MicrosoftAppId, MicrosoftAppPassword, ISSUER_HTTPS_BASE, TOKEN_ISSUER, NODE_EXTRA_CA_CERTS

const http = require('node:http');
const path = require('node:path');
const {
    AgentApplication,
    CloudAdapter,
    ConnectionManager,
    MsalConnectionManager,
    MsalTokenProvider,
    authorizeJWT,
    getAuthConfigWithDefaults,
} = require('@microsoft/agents-hosting');
const { ConfidentialClientApplication } = require('@azure/msal-node');

function required(name) {
    const value = process.env[name];
    if (!value) {
        console.error(`echo-agent: environment variable ${name} is required`);
        process.exit(2);
    }
    return value;
}

const port = Number(required('PORT'));
const appId = required('MicrosoftAppId');
const appPassword = required('MicrosoftAppPassword');
const issuerBase = required('ISSUER_HTTPS_BASE').replace(/\/+$/, '');
const tokenIssuer = process.env.TOKEN_ISSUER || 'https://api.botframework.com';
const channelAuthTenant = 'botframework.com';
const loginUrl = `${issuerBase}/${channelAuthTenant}`;

const authConfig = getAuthConfigWithDefaults({
    clientId: appId,
    clientSecret: appPassword,
    tenantId: channelAuthTenant,
    authority: issuerBase,
    issuers: [tokenIssuer],
    validateIssuer: true,
});

// Adaptation 1: the SDK's JWKS client for Bot Framework's key URL fetches from the local issuer.
const hostingRoot = path.dirname(require.resolve('@microsoft/agents-hosting/package.json'));
const { buildJwksUri } = require('@microsoft/agents-hosting');
const { getJwksClient } = require(path.join(hostingRoot, 'dist', 'src', 'auth', 'jwt-middleware.js'));
const botFrameworkKeys = buildJwksUri(tokenIssuer, authConfig);
getJwksClient(botFrameworkKeys).options.jwksUri = `${issuerBase}/v1/.well-known/keys`;

// Adaptation 2: msal-node knows the local authority.
const authorityMetadata = JSON.stringify({
    token_endpoint: `${loginUrl}/oauth2/v2.0/token`,
    authorization_endpoint: `${loginUrl}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${loginUrl}/oauth2/v2.0/logout`,
    issuer: `${loginUrl}/v2.0`,
    jwks_uri: `${issuerBase}/v1/.well-known/keys`,
});

class LocalAuthorityTokenProvider extends MsalTokenProvider {
    getClientSecretClient(config) {
        const authority = loginUrl;
        const key = MsalTokenProvider.cacheKey('confidential-client', 'ClientSecret', config.clientId, authority,
            MsalTokenProvider.digest(config.clientSecret), 'local');
        return this.getOrCreateConfidentialClient(key, () => new ConfidentialClientApplication({
            auth: {
                clientId: config.clientId,
                authority,
                clientSecret: config.clientSecret,
                knownAuthorities: [new URL(issuerBase).host],
                authorityMetadata,
            },
            system: this.getSystemOptions(config),
        }));
    }
}

/** The SDK's MSAL connection manager (its defaults per connection), with the provider above for each connection. */
class LocalAuthorityConnectionManager extends ConnectionManager {
    constructor(configuration) {
        super((settings) => new LocalAuthorityTokenProvider(settings), undefined, undefined, configuration);
    }

    applyConnectionDefaults(connection) {
        return MsalConnectionManager.prototype.applyConnectionDefaults.call(this, connection);
    }
}

const adapter = new CloudAdapter(authConfig, undefined, undefined, { validateServiceUrl: true });
adapter.connectionManager = new LocalAuthorityConnectionManager(adapter.authConfig);

let turnErrors = 0;
adapter.onTurnError = async (context, error) => {
    turnErrors += 1;
    if (turnErrors <= 5) {
        console.error(`echo-agent: turn failed: ${error && error.stack ? error.stack : error}`);
    }
    throw error;
};

const agent = new AgentApplication({ adapter });
agent.onActivity('message', async (context) => {
    await context.sendActivity(`Echo: ${context.activity.text}`);
});

const jwt = authorizeJWT(adapter.authConfig);

/** What the SDK's middleware and CloudAdapter.process call on an express response, over Node's ServerResponse. */
function wrap(res) {
    let body;
    return {
        socket: res.socket,
        get headersSent() {
            return res.headersSent;
        },
        get writableEnded() {
            return res.writableEnded;
        },
        status(code) {
            res.statusCode = code;
            return this;
        },
        setHeader(name, value) {
            res.setHeader(name, value);
            return this;
        },
        header(name, value) {
            res.setHeader(name, value);
            return this;
        },
        send(value) {
            if (value === undefined || value === null) {
                return this;
            }
            if (typeof value === 'string' || Buffer.isBuffer(value)) {
                body = value;
            } else {
                body = JSON.stringify(value);
                if (!res.hasHeader('content-type')) {
                    res.setHeader('content-type', 'application/json; charset=utf-8');
                }
            }
            return this;
        },
        end() {
            if (!res.writableEnded) {
                res.end(body);
            }
            return this;
        },
    };
}

let rejected = 0;
function countRejection(req, res) {
    if (res.statusCode >= 400) {
        rejected += 1;
        if (rejected <= 5) {
            console.error(`echo-agent: answered ${res.statusCode} to activity ${req.body && req.body.id}`);
        }
    }
}

const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('ok');
        return;
    }
    if (req.url !== '/api/messages' || req.method !== 'POST') {
        res.writeHead(404);
        res.end();
        return;
    }

    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
        try {
            req.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
            res.writeHead(400);
            res.end();
            return;
        }
        const response = wrap(res);
        const fail = (error) => {
            console.error(`echo-agent: ${error && error.stack ? error.stack : error}`);
            if (!res.headersSent) {
                res.statusCode = 500;
            }
            response.end();
        };
        let authorized = false;
        jwt(req, response, () => {
            authorized = true;
            adapter
                .process(req, response, (context) => agent.run(context))
                .then(() => {
                    response.end();
                    countRejection(req, res);
                })
                .catch(fail);
        })
            .then(() => {
                if (!authorized) {
                    response.end();
                    countRejection(req, res);
                }
            })
            .catch(fail);
    });
});

server.keepAliveTimeout = 65000;
server.listen(port, '127.0.0.1', () => {
    const version = require('@microsoft/agents-hosting/package.json').version;
    console.log(`echo-agent listening on http://127.0.0.1:${port} (@microsoft/agents-hosting ${version})`);
});

function stop() {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 2000).unref();
}

process.on('SIGTERM', stop);
process.on('SIGINT', stop);
