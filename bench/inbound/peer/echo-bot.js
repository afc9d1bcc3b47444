'use strict';

// The benchmark's peer: an echo bot on the JavaScript Bot Framework SDK (npm botbuilder 4.23.x), authenticated the
// way a production bot is, but against the bench's local identity service instead of Microsoft's:
//   - inbound: every activity's JWT is validated by ConfigurationBotFrameworkAuthentication (signature against
//     the issuer's JWKS, issuer, audience = app id, lifetime, endorsement for the channel, serviceurl claim);
//   - outbound: the reply goes to the activity's serviceUrl with a client-credentials token from the local
//     issuer's HTTPS token endpoint (msal-node accepts the authority because it is declared as known).
//
// Configuration (environment):
//   PORT                    port to listen on (127.0.0.1)
//   MicrosoftAppId          the bot's app id (the tokens' audience)
//   MicrosoftAppPassword    the client secret for the outbound token
//   ISSUER_HTTPS_BASE       https base URL of the local issuer, e.g. https://127.0.0.1:41234
//   TOKEN_ISSUER            the "iss" of channel tokens (default https://api.botframework.com)
//   NODE_EXTRA_CA_CERTS     PEM of the issuer's self-signed certificate (read by Node itself)
//
// Served with Node's own http module (no restify/express body parser): the least overhead around the SDK.

const http = require('node:http');
const {
    ActivityHandler,
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
    ConfigurationServiceClientCredentialFactory,
    MessageFactory,
} = require('botbuilder');
const { MicrosoftAppCredentials, MsalAppCredentials } = require('botframework-connector');
const { ConfidentialClientApplication } = require('@azure/msal-node');

function required(name) {
    const value = process.env[name];
    if (!value) {
        console.error(`echo-bot: environment variable ${name} is required`);
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

// MSAL would otherwise look the authority up online (instance discovery and the tenant's OpenID document).
// Declaring the host as a known authority and giving the endpoints keeps everything on the local issuer.
const authorityMetadata = JSON.stringify({
    token_endpoint: `${loginUrl}/oauth2/v2.0/token`,
    authorization_endpoint: `${loginUrl}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${loginUrl}/oauth2/v2.0/logout`,
    issuer: `${loginUrl}/v2.0`,
    jwks_uri: `${issuerBase}/v1/.well-known/keys`,
});

/**
 * The SDK's MicrosoftAppCredentials, except that its MSAL client knows the local authority. Like the stock class it
 * builds its MSAL client lazily, once per credentials object; the token itself comes from the SDK's process-wide
 * token cache, so the token endpoint is called once per token lifetime.
 */
class LocalAuthorityAppCredentials extends MicrosoftAppCredentials {
    async getToken(forceRefresh = false) {
        if (!this.credentials) {
            const client = new ConfidentialClientApplication({
                auth: {
                    clientId: this.appId,
                    clientSecret: this.appPassword,
                    authority: loginUrl,
                    knownAuthorities: [new URL(issuerBase).host],
                    authorityMetadata,
                },
            });
            this.credentials = new MsalAppCredentials(client, this.appId, loginUrl, this.oAuthScope);
        }

        return this.credentials.getToken(forceRefresh);
    }
}

/**
 * ConfigurationServiceClientCredentialFactory with the outbound credentials above. Everything else (app id check,
 * authentication-disabled check) is the SDK's. A new credentials object per call, as the stock factory does.
 */
class LocalAuthorityCredentialFactory extends ConfigurationServiceClientCredentialFactory {
    async createCredentials(microsoftAppId, audience) {
        if (await this.isAuthenticationDisabled()) {
            return MicrosoftAppCredentials.Empty;
        }
        if (!(await this.isValidAppId(microsoftAppId))) {
            throw new Error('Invalid appId.');
        }
        return new LocalAuthorityAppCredentials(microsoftAppId, appPassword, channelAuthTenant, audience);
    }
}

const config = {
    MicrosoftAppId: appId,
    MicrosoftAppPassword: appPassword,
    MicrosoftAppType: 'MultiTenant',
    // Once one of these overrides is set the SDK uses only the overrides, so all of them are given.
    ToBotFromChannelOpenIdMetadataUrl: `${issuerBase}/v1/.well-known/openidconfiguration`,
    ToBotFromChannelTokenIssuer: tokenIssuer,
    ToBotFromEmulatorOpenIdMetadataUrl: `${issuerBase}/v1/.well-known/openidconfiguration`,
    ToChannelFromBotLoginUrl: loginUrl,
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ValidateAuthority: true,
};

const auth = new ConfigurationBotFrameworkAuthentication(config, new LocalAuthorityCredentialFactory(config));
const adapter = new CloudAdapter(auth);

let turnErrors = 0;
adapter.onTurnError = async (context, error) => {
    turnErrors += 1;
    if (turnErrors <= 5) {
        console.error(`echo-bot: turn failed: ${error && error.stack ? error.stack : error}`);
    }
    throw error;
};

class EchoBot extends ActivityHandler {
    constructor() {
        super();
        this.onMessage(async (context, next) => {
            await context.sendActivity(MessageFactory.text(`Echo: ${context.activity.text}`));
            await next();
        });
    }
}

const bot = new EchoBot();

/** The response shape CloudAdapter.process expects (restify/express-like) over Node's ServerResponse. */
function wrap(res) {
    let body;
    return {
        socket: res.socket,
        status(code) {
            res.statusCode = code;
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
                if (!res.hasHeader('content-type')) {
                    res.setHeader('content-type', 'text/plain; charset=utf-8');
                }
            } else {
                body = JSON.stringify(value);
                res.setHeader('content-type', 'application/json; charset=utf-8');
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
const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('ok');
        return;
    }
    if (req.url !== '/api/messages') {
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
        adapter
            .process(req, response, (context) => bot.run(context))
            .then(() => {
                if (res.statusCode >= 400) {
                    rejected += 1;
                    if (rejected <= 5) {
                        console.error(`echo-bot: answered ${res.statusCode} to activity ${req.body && req.body.id}`);
                    }
                }
            })
            .catch((error) => {
                console.error(`echo-bot: ${error && error.stack ? error.stack : error}`);
                if (!res.headersSent) {
                    res.statusCode = 500;
                }
                response.end();
            });
    });
});

server.keepAliveTimeout = 65000;
server.listen(port, '127.0.0.1', () => {
    console.log(`echo-bot listening on http://127.0.0.1:${port} (botbuilder ${require('botbuilder/package.json').version})`);
});

function stop() {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 2000).unref();
}

process.on('SIGTERM', stop);
process.on('SIGINT', stop);
