/*
 * careerbot: static fallback for /config.js.
 * web/serve.py answers /config.js itself and, given --rasa-url, sets
 *   window.CAREERBOT_SERVER_URL = "<rasa url>";
 * With a plain static server this file is served instead and sets nothing,
 * so the widget uses the data-server-url attribute of its script tag.
 */
