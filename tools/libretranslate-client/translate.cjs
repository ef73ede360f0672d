// Translates Arabic through a LibreTranslate-compatible server (Tarjim) with the npm package "libretranslate",
// used as published: node translate.cjs <server-url> <text> [text|html]. Prints the translation as JSON.
const { translate } = require('libretranslate');

const [apiurl, query, format] = process.argv.slice(2);
if (!apiurl || !query) {
    console.error('usage: node translate.cjs <server-url> <text> [text|html]');
    process.exit(2);
}
translate({ query, source: 'ar', target: 'en', format: format || 'text', apiurl })
    .then(english => console.log(JSON.stringify(english)))
    .catch(error => {
        console.error(error);
        process.exit(1);
    });
