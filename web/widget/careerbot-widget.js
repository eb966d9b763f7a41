/*!
 * careerbot web chat widget
 * Vanilla JS, no framework, no build step. Talks to Rasa Open Source's
 * socketio channel (rasa.core.channels.socketio.SocketIOInput).
 *
 * Embed with ONE tag:
 *   <script src="/widget/careerbot-widget.js"
 *           data-server-url="http://localhost:5005" defer></script>
 *
 * The script loads careerbot-widget.css and vendor/socket.io.min.js from the
 * folder it was itself loaded from; nothing is fetched from a CDN.
 *
 * Options (data-* attributes on the script tag):
 *   data-server-url   Rasa base URL (overridden by window.CAREERBOT_SERVER_URL)
 *   data-socket-path  socket.io path on the Rasa server (default "/socket.io")
 *   data-namespace    socket.io namespace (default "/")
 *   data-user-event   user message event (default "user_uttered")
 *   data-bot-event    bot message event (default "bot_uttered")
 *   data-open         "true" to open the panel on page load
 *   data-title        header title (default "careerbot")
 *   data-subtitle     header subtitle
 *   data-suggestions  "|"-separated starter questions shown in an empty chat
 *   data-transports   comma-separated socket.io transports
 *                     (default "websocket,polling")
 *   data-storage-key  localStorage key prefix (default "careerbot:v1:")
 *
 * Security: every user- or bot-supplied string reaches the DOM through
 * textContent / createTextNode only; links are limited to http(s) URLs.
 */
(function () {
  "use strict";

  if (window.__careerbotWidget) {
    return;
  }
  window.__careerbotWidget = true;

  var VERSION = "1.0.0";
  var MAX_LEN = 1000;
  var MAX_STORED_MESSAGES = 200;
  var REPLY_TIMEOUT_MS = 30000;
  var CONNECTING_NOTICE_DELAY_MS = 1500;
  var MAX_COMMENT = 200; // a rating's optional comment
  var CHART_MAX_BANDS = 12;
  var CHART_MAX_PREMIUMS = 6;

  // ---------------------------------------------------------------- config
  function findOwnScript() {
    if (document.currentScript) {
      return document.currentScript;
    }
    var scripts = document.querySelectorAll("script[src]");
    for (var i = scripts.length - 1; i >= 0; i--) {
      if (/careerbot-widget(\.min)?\.js([?#]|$)/.test(scripts[i].src)) {
        return scripts[i];
      }
    }
    return null;
  }

  var ownScript = findOwnScript();
  var ds = (ownScript && ownScript.dataset) || {};
  var baseUrl = ownScript && ownScript.src
    ? new URL(".", ownScript.src).href
    : new URL("widget/", window.location.href).href;

  function readServerUrl() {
    var candidates = [window.CAREERBOT_SERVER_URL, ds.serverUrl, window.location.origin];
    for (var i = 0; i < candidates.length; i++) {
      var c = candidates[i];
      if (typeof c === "string" && c.trim()) {
        try {
          var u = new URL(c.trim(), window.location.href);
          if (u.protocol === "http:" || u.protocol === "https:") {
            return u.href.replace(/\/+$/, "");
          }
        } catch (e) {
          /* try the next candidate */
        }
      }
    }
    return window.location.origin;
  }

  var config = {
    serverUrl: readServerUrl(),
    socketPath: ds.socketPath || "/socket.io",
    namespace: ds.namespace || "/",
    userEvent: ds.userEvent || "user_uttered",
    botEvent: ds.botEvent || "bot_uttered",
    openOnLoad: ds.open === "true" || ds.open === "",
    title: ds.title || "careerbot",
    subtitle: ds.subtitle || "Your guide to becoming an ML engineer",
    suggestions: (ds.suggestions
      ? ds.suggestions.split("|")
      : ["What does an ML engineer do?", "Which skills do I need?", "How do I build a portfolio?"]
    ).map(function (s) { return s.trim(); }).filter(Boolean),
    transports: (ds.transports || "websocket,polling").split(",")
      .map(function (s) { return s.trim(); }).filter(Boolean),
    storagePrefix: ds.storageKey || "careerbot:v1:"
  };

  // --------------------------------------------------------------- storage
  var memoryStore = {};
  var store = {
    get: function (key) {
      try {
        return window.localStorage.getItem(config.storagePrefix + key);
      } catch (e) {
        return Object.prototype.hasOwnProperty.call(memoryStore, key) ? memoryStore[key] : null;
      }
    },
    set: function (key, value) {
      memoryStore[key] = value;
      try {
        window.localStorage.setItem(config.storagePrefix + key, value);
      } catch (e) {
        /* storage full or disabled: keep the in-memory copy */
      }
    },
    remove: function (key) {
      delete memoryStore[key];
      try {
        window.localStorage.removeItem(config.storagePrefix + key);
      } catch (e) {
        /* ignore */
      }
    }
  };

  function loadTranscript() {
    var raw = store.get("transcript");
    if (!raw) {
      return [];
    }
    try {
      var parsed = JSON.parse(raw);
      if (!Array.isArray(parsed)) {
        return [];
      }
      return parsed.filter(function (m) {
        return m && (m.from === "user" || m.from === "bot") && typeof m.text === "string";
      }).map(function (m) {
        if (m.answer !== undefined) {
          var answer = m.from === "bot" ? cleanAnswer(m.answer, true) : null;
          if (answer) {
            m.answer = answer;
          } else {
            delete m.answer;
          }
        }
        return m;
      });
    } catch (e) {
      return [];
    }
  }

  var state = {
    sessionId: store.get("session_id") || null,
    transcript: loadTranscript(),
    confirmed: false,
    everConnected: false,
    failures: 0,
    open: false,
    replyTimer: null,
    connectingTimer: null,
    statusTimer: null,
    socket: null,
    lastTransport: null
  };

  function saveTranscript() {
    if (state.transcript.length > MAX_STORED_MESSAGES) {
      state.transcript = state.transcript.slice(-MAX_STORED_MESSAGES);
    }
    store.set("transcript", JSON.stringify(state.transcript, function (key, value) {
      return key.charAt(0) === "_" ? undefined : value; // transient UI state stays in memory
    }));
  }

  function newId() {
    return Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
  }

  // ------------------------------------------------------------ DOM helpers
  function el(tag, className, attrs) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (attrs) {
      for (var k in attrs) {
        if (Object.prototype.hasOwnProperty.call(attrs, k)) {
          node.setAttribute(k, attrs[k]);
        }
      }
    }
    return node;
  }

  function text(node, value) {
    node.textContent = value;
    return node;
  }

  var SVG_NS = "http://www.w3.org/2000/svg";
  var ICONS = {
    chat: "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z",
    close: "M6 6l12 12M18 6L6 18",
    send: "M3 11.5L21 3l-8.5 18-2.2-7.3L3 11.5z",
    plus: "M12 5v14M5 12h14",
    down: "M6 9l6 6 6-6"
  };

  function icon(name) {
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "20");
    svg.setAttribute("height", "20");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    svg.setAttribute("class", "cb-icon cb-icon-" + name);
    var path = document.createElementNS(SVG_NS, "path");
    path.setAttribute("d", ICONS[name]);
    svg.appendChild(path);
    return svg;
  }

  // ------------------------------------------------------- safe Markdown
  function safeHttpUrl(raw) {
    try {
      var u = new URL(raw);
      if (u.protocol === "http:" || u.protocol === "https:") {
        return u.href;
      }
    } catch (e) {
      /* not an absolute URL */
    }
    return null;
  }

  function makeLink(label, href) {
    var a = el("a", "cb-link", { target: "_blank", rel: "noopener noreferrer nofollow" });
    a.href = href;
    a.textContent = label;
    return a;
  }

  // **bold** | __bold__ | [label](url) | bare http(s) URL
  var INLINE_RE = /\*\*([^*\n]+?)\*\*|__([^_\n]+?)__|\[([^\[\]\n]+)\]\(\s*([^()\s]+)\s*\)|(https?:\/\/[^\s<>"'()\[\]]+)/g;

  function appendInline(parent, str, allowLinks) {
    var re = new RegExp(INLINE_RE.source, "g");
    var last = 0;
    var m;
    while ((m = re.exec(str)) !== null) {
      if (m.index > last) {
        parent.appendChild(document.createTextNode(str.slice(last, m.index)));
      }
      var whole = m[0];
      if (m[1] !== undefined || m[2] !== undefined) {
        var strong = el("strong");
        appendInline(strong, m[1] !== undefined ? m[1] : m[2], allowLinks);
        parent.appendChild(strong);
      } else if (m[3] !== undefined) {
        var href = allowLinks ? safeHttpUrl(m[4]) : null;
        if (href) {
          parent.appendChild(makeLink(m[3], href));
        } else {
          parent.appendChild(document.createTextNode(whole));
        }
      } else if (m[5] !== undefined) {
        // keep trailing sentence punctuation out of bare links
        var url = m[5];
        var trail = /[.,;:!?]+$/.exec(url);
        if (trail) {
          url = url.slice(0, -trail[0].length);
          re.lastIndex -= trail[0].length;
          whole = url;
        }
        var bare = allowLinks ? safeHttpUrl(url) : null;
        parent.appendChild(bare ? makeLink(url, bare) : document.createTextNode(whole));
      }
      last = m.index + whole.length;
    }
    if (last < str.length) {
      parent.appendChild(document.createTextNode(str.slice(last)));
    }
  }

  function renderMarkdown(source) {
    var frag = document.createDocumentFragment();
    var lines = String(source).replace(/\r\n?/g, "\n").split("\n");
    var para = null;
    var list = null;
    var listType = null;

    lines.forEach(function (line) {
      var bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
      var numbered = bullet ? null : /^\s*(\d{1,3})[.)]\s+(.*)$/.exec(line);
      if (bullet || numbered) {
        para = null;
        var type = bullet ? "ul" : "ol";
        if (!list || listType !== type) {
          list = el(type, "cb-md-list");
          if (numbered && numbered[1] !== "1") {
            list.setAttribute("start", String(parseInt(numbered[1], 10)));
          }
          listType = type;
          frag.appendChild(list);
        }
        var li = el("li");
        appendInline(li, bullet ? bullet[1] : numbered[2], true);
        list.appendChild(li);
        return;
      }
      if (/^\s*$/.test(line)) {
        para = null;
        list = null;
        return;
      }
      list = null;
      if (!para) {
        para = el("p", "cb-md-p");
        frag.appendChild(para);
      } else {
        para.appendChild(el("br"));
      }
      appendInline(para, line, true);
    });
    return frag;
  }

  function plainText(source) {
    return String(source)
      .replace(/\*\*([^*\n]+?)\*\*/g, "$1")
      .replace(/__([^_\n]+?)__/g, "$1")
      .replace(/\[([^\[\]\n]+)\]\(\s*[^()\s]+\s*\)/g, "$1")
      .replace(/^\s*[-*+]\s+/gm, "• ");
  }

  // ------------------------------------------------------------- the UI
  var ui = {};

  function buildUi() {
    var root = el("div", "cb-root", { id: "careerbot-root" });
    root.hidden = true; // shown once the stylesheet is in (no flash of unstyled content)

    var launcher = el("button", "cb-launcher", {
      id: "careerbot-launcher",
      type: "button",
      "aria-controls": "careerbot-panel",
      "aria-expanded": "false",
      "aria-label": "Open the careerbot chat"
    });
    launcher.appendChild(icon("chat"));
    launcher.appendChild(icon("down"));

    var panel = el("section", "cb-panel", {
      id: "careerbot-panel",
      role: "dialog",
      "aria-modal": "false",
      "aria-labelledby": "careerbot-title",
      "aria-describedby": "careerbot-subtitle"
    });
    panel.hidden = true;

    // header
    var header = el("header", "cb-header");
    var avatar = el("div", "cb-avatar");
    avatar.appendChild(text(el("span", null, { "aria-hidden": "true" }), "cb"));
    var titles = el("div", "cb-titles");
    var title = el("h2", "cb-title", { id: "careerbot-title" });
    text(title, config.title);
    var subtitle = el("p", "cb-subtitle", { id: "careerbot-subtitle" });
    var conn = el("span", "cb-conn", { id: "careerbot-conn", "data-state": "connecting" });
    var connDot = el("span", "cb-conn-dot", { "aria-hidden": "true" });
    var connText = el("span", "cb-conn-text cb-sr-only");
    text(connText, "Connecting…");
    conn.appendChild(connDot);
    conn.appendChild(connText);
    var subText = el("span", "cb-subtitle-text");
    text(subText, config.subtitle);
    subtitle.appendChild(subText);
    titles.appendChild(title);
    titles.appendChild(subtitle);
    avatar.appendChild(conn);

    var actions = el("div", "cb-header-actions");
    var newBtn = el("button", "cb-header-btn cb-new", {
      id: "careerbot-new",
      type: "button",
      title: "Start a new conversation",
      "aria-label": "New conversation"
    });
    newBtn.appendChild(icon("plus"));
    var newLabel = el("span", "cb-new-label", { "aria-hidden": "true" });
    text(newLabel, "New");
    newBtn.appendChild(newLabel);
    var closeBtn = el("button", "cb-header-btn cb-close", {
      id: "careerbot-close",
      type: "button",
      title: "Close chat (Esc)",
      "aria-label": "Close chat"
    });
    closeBtn.appendChild(icon("close"));
    actions.appendChild(newBtn);
    actions.appendChild(closeBtn);

    header.appendChild(avatar);
    header.appendChild(titles);
    header.appendChild(actions);

    // status banner
    var status = el("div", "cb-status", { id: "careerbot-status", role: "status" });
    status.hidden = true;
    var statusText = el("span", "cb-status-text");
    var retryBtn = el("button", "cb-status-retry", { type: "button" });
    text(retryBtn, "Retry now");
    retryBtn.hidden = true;
    status.appendChild(statusText);
    status.appendChild(retryBtn);

    // messages
    var messages = el("div", "cb-messages", {
      id: "careerbot-messages",
      tabindex: "0",
      "aria-label": "Conversation"
    });
    var list = el("div", "cb-list", { role: "list" });
    var typing = el("div", "cb-typing");
    typing.hidden = true;
    for (var i = 0; i < 3; i++) {
      typing.appendChild(el("span", "cb-typing-dot", { "aria-hidden": "true" }));
    }
    typing.appendChild(text(el("span", "cb-sr-only"), "careerbot is typing…"));
    messages.appendChild(list);
    messages.appendChild(typing);

    // screen-reader announcements for bot messages
    var announcer = el("div", "cb-sr-only", {
      id: "careerbot-announcer",
      "aria-live": "polite",
      "aria-atomic": "false",
      "aria-relevant": "additions"
    });

    // composer
    var form = el("form", "cb-composer", { id: "careerbot-form", novalidate: "" });
    var label = el("label", "cb-sr-only", { "for": "careerbot-input" });
    text(label, "Message careerbot");
    var input = el("textarea", "cb-input", {
      id: "careerbot-input",
      rows: "1",
      maxlength: String(MAX_LEN),
      placeholder: "Type your question…",
      autocomplete: "off",
      "aria-describedby": "careerbot-counter careerbot-hint"
    });
    var send = el("button", "cb-send", {
      id: "careerbot-send",
      type: "submit",
      "aria-label": "Send message",
      title: "Send (Enter)"
    });
    send.appendChild(icon("send"));
    send.disabled = true;
    var row = el("div", "cb-composer-row");
    row.appendChild(input);
    row.appendChild(send);
    var meta = el("div", "cb-composer-meta");
    var hint = el("span", "cb-hint", { id: "careerbot-hint" });
    text(hint, "Enter to send · Shift+Enter for a new line");
    var counter = el("span", "cb-counter", { id: "careerbot-counter", "aria-live": "off" });
    meta.appendChild(hint);
    meta.appendChild(counter);
    form.appendChild(label);
    form.appendChild(row);
    form.appendChild(meta);

    panel.appendChild(header);
    panel.appendChild(status);
    panel.appendChild(messages);
    panel.appendChild(form);
    panel.appendChild(announcer);

    root.appendChild(panel);
    root.appendChild(launcher);
    document.body.appendChild(root);

    ui = {
      root: root, launcher: launcher, panel: panel, newBtn: newBtn, closeBtn: closeBtn,
      conn: conn, connText: connText, status: status, statusText: statusText,
      retryBtn: retryBtn, messages: messages, list: list, typing: typing,
      announcer: announcer, form: form, input: input, send: send, counter: counter
    };

    launcher.addEventListener("click", function () {
      setOpen(!state.open, true);
    });
    closeBtn.addEventListener("click", function () {
      setOpen(false, true);
    });
    newBtn.addEventListener("click", newConversation);
    retryBtn.addEventListener("click", function () {
      if (state.socket) {
        setStatus("info", "Trying to reach careerbot…");
        state.socket.disconnect();
        state.socket.connect();
      }
    });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      submitInput();
    });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing && ev.keyCode !== 229) {
        ev.preventDefault();
        submitInput();
      }
    });
    input.addEventListener("input", onInputChange);
    document.addEventListener("keydown", function (ev) {
      if (ev.key !== "Escape" || !state.open) {
        return;
      }
      var active = document.activeElement;
      if (!active || active === document.body || root.contains(active)) {
        ev.preventDefault();
        setOpen(false, true);
      }
    });
    onInputChange();
  }

  function onInputChange() {
    var input = ui.input;
    if (input.value.length > MAX_LEN) {
      input.value = input.value.slice(0, MAX_LEN);
    }
    var n = input.value.length;
    ui.counter.textContent = n >= MAX_LEN
      ? n + " / " + MAX_LEN + " — limit reached"
      : n + " / " + MAX_LEN;
    ui.counter.setAttribute("data-level", n >= MAX_LEN ? "limit" : n >= MAX_LEN * 0.9 ? "warn" : "ok");
    ui.send.disabled = input.value.trim().length === 0;
    // auto-grow with the text (not the placeholder) up to the CSS max-height
    input.style.height = "";
    if (input.value) {
      input.style.height = "auto";
      input.style.height = Math.min(input.scrollHeight + 2, 140) + "px";
    }
  }

  function setOpen(open, byUser) {
    state.open = open;
    ui.panel.hidden = !open;
    ui.root.setAttribute("data-open", open ? "true" : "false");
    ui.launcher.setAttribute("aria-expanded", open ? "true" : "false");
    ui.launcher.setAttribute("aria-label", open ? "Close the careerbot chat" : "Open the careerbot chat");
    try {
      window.sessionStorage.setItem(config.storagePrefix + "open", open ? "1" : "0");
    } catch (e) {
      /* ignore */
    }
    if (open) {
      scrollToBottom();
      if (byUser) {
        ui.input.focus();
      }
    } else if (byUser) {
      ui.launcher.focus();
    }
  }

  function scrollToBottom() {
    ui.messages.scrollTop = ui.messages.scrollHeight;
  }

  // ------------------------------------------------------------ rendering
  function renderEmptyState() {
    var box = el("div", "cb-empty", { role: "listitem" });
    var h = el("p", "cb-empty-title");
    text(h, "Hi, I'm careerbot.");
    var p = el("p", "cb-empty-text");
    text(p, "Ask me how to become a machine learning engineer: the role, the skills, " +
      "a learning path, projects for your portfolio and interviews.");
    box.appendChild(h);
    box.appendChild(p);
    if (config.suggestions.length) {
      var sug = el("div", "cb-suggestions", { role: "group", "aria-label": "Suggested questions" });
      config.suggestions.forEach(function (s) {
        var b = el("button", "cb-chip", { type: "button" });
        text(b, s);
        b.addEventListener("click", function () {
          sendUserMessage(s, s);
        });
        sug.appendChild(b);
      });
      box.appendChild(sug);
    }
    return box;
  }

  function renderMessage(item, buttonsActive) {
    var row = el("div", "cb-msg " + (item.from === "user" ? "cb-user" : "cb-bot"), {
      role: "listitem",
      "data-id": item.id || ""
    });
    if (item.pending) {
      row.classList.add("cb-pending");
    }
    if (item.text) {
      var bubble = el("div", "cb-bubble");
      if (item.from === "bot") {
        bubble.appendChild(renderMarkdown(item.text));
      } else {
        bubble.textContent = item.text; // user text: always literal
      }
      row.appendChild(bubble);
    }
    if (item.image) {
      var src = safeHttpUrl(item.image);
      if (src) {
        var img = el("img", "cb-image", { alt: "Image sent by careerbot", loading: "lazy", referrerpolicy: "no-referrer" });
        img.src = src;
        row.appendChild(img);
      }
    }
    if (item.answer) {
      renderAnswer(row, item);
    }
    if (item.pending) {
      var note = el("span", "cb-pending-note");
      text(note, "Waiting for connection…");
      row.appendChild(note);
    }
    if (item.buttons && item.buttons.length) {
      var group = el("div", "cb-buttons", { role: "group", "aria-label": "Reply options" });
      item.buttons.forEach(function (btn) {
        var b = el("button", "cb-button", { type: "button" });
        b.textContent = btn.title;
        if (item.chosen !== undefined && item.chosen === btn.payload) {
          b.classList.add("cb-chosen");
        }
        b.disabled = !buttonsActive;
        b.addEventListener("click", function () {
          if (b.disabled) {
            return;
          }
          item.chosen = btn.payload;
          b.classList.add("cb-chosen");
          sendUserMessage(btn.payload, btn.title);
        });
        group.appendChild(b);
      });
      row.appendChild(group);
    }
    return row;
  }

  function renderAll() {
    ui.list.textContent = "";
    if (!state.transcript.length) {
      ui.list.appendChild(renderEmptyState());
    } else {
      // buttons stay clickable until the user sends the next message
      var lastUser = -1;
      state.transcript.forEach(function (item, idx) {
        if (item.from === "user") {
          lastUser = idx;
        }
      });
      state.transcript.forEach(function (item, idx) {
        ui.list.appendChild(renderMessage(item, idx > lastUser));
      });
    }
    scrollToBottom();
  }

  function appendItem(item) {
    var empty = ui.list.querySelector(".cb-empty");
    if (empty) {
      empty.parentNode.removeChild(empty);
    }
    if (item.from === "user") {
      // earlier reply options no longer apply once the user has answered
      var active = ui.list.querySelectorAll(".cb-buttons button:not([disabled])");
      for (var i = 0; i < active.length; i++) {
        active[i].disabled = true;
      }
    }
    state.transcript.push(item);
    saveTranscript();
    var node = renderMessage(item, true);
    ui.list.appendChild(node);
    scrollToBottom();
    return node;
  }

  function announce(message) {
    var p = el("p");
    p.textContent = "careerbot: " + message;
    ui.announcer.appendChild(p);
    while (ui.announcer.childNodes.length > 3) {
      ui.announcer.removeChild(ui.announcer.firstChild);
    }
  }

  function setTyping(on) {
    ui.typing.hidden = !on;
    clearTimeout(state.replyTimer);
    if (on) {
      state.replyTimer = setTimeout(function () {
        ui.typing.hidden = true;
      }, REPLY_TIMEOUT_MS);
      scrollToBottom();
    }
  }

  function setConn(stateName, label) {
    ui.conn.setAttribute("data-state", stateName);
    ui.connText.textContent = label;
  }

  function setStatus(kind, message, withRetry) {
    clearTimeout(state.statusTimer);
    if (!kind) {
      ui.status.hidden = true;
      ui.status.removeAttribute("data-kind");
      ui.statusText.textContent = "";
      ui.retryBtn.hidden = true;
      return;
    }
    ui.status.hidden = false;
    ui.status.setAttribute("data-kind", kind);
    ui.statusText.textContent = message;
    ui.retryBtn.hidden = !withRetry;
    if (kind === "ok") {
      state.statusTimer = setTimeout(function () {
        setStatus(null);
      }, 2500);
    }
  }

  // ------------------------------------------- answer payload (issue 14)
  // An answer from the knowledge base is followed by {"custom": {"careerbot": "answer", ...}}
  // (/work/notes/answer_payload.md): its guide sections, a token to rate it with and, for
  // salary answers, a chart. The payload is untrusted: it is checked field by field and
  // reaches the DOM through textContent and numeric attributes only.
  function cleanString(value, max) {
    return typeof value === "string" && value.trim() ? value.trim().slice(0, max) : null;
  }

  function cleanNumber(value) {
    return typeof value === "number" && isFinite(value) && value >= 0 && value < 1e6 ? value : null;
  }

  // {low, high} with high null for an open-ended ("exceeds") figure; null when invalid
  function cleanRange(raw) {
    if (!raw || typeof raw !== "object") {
      return null;
    }
    var low = cleanNumber(raw.low);
    var open = raw.high === null || raw.high === undefined;
    var high = open ? null : cleanNumber(raw.high);
    if (low === null || (!open && (high === null || high < low))) {
      return null;
    }
    return { low: low, high: high };
  }

  function cleanRanged(raw, into) {
    var range = cleanRange(raw);
    if (!range) {
      return null;
    }
    into.low = range.low;
    into.high = range.high;
    var alt = cleanRange(raw.alternative);
    if (alt) {
      into.alternative = { low: alt.low, high: alt.high, note: cleanString(raw.alternative.note, 80) || "" };
    }
    return into;
  }

  function cleanChart(raw) {
    if (!raw || typeof raw !== "object" || raw.kind !== "salary_bands" || !Array.isArray(raw.bands)) {
      return null;
    }
    var ids = {};
    var bands = [];
    raw.bands.slice(0, CHART_MAX_BANDS).forEach(function (b) {
      var id = b && cleanString(b.id, 40);
      var label = b && cleanString(b.label, 80);
      var band = id && label && !ids[id] ? cleanRanged(b, { id: id, label: label }) : null;
      if (band) {
        ids[id] = true;
        bands.push(band);
      }
    });
    if (!bands.length) {
      return null;
    }
    var premiums = [];
    (Array.isArray(raw.premiums) ? raw.premiums : []).slice(0, CHART_MAX_PREMIUMS).forEach(function (p) {
      var label = p && cleanString(p.label, 80);
      var of = p && cleanString(p.of, 40);
      var premium = label && of && ids[of] ? cleanRanged(p, { label: label, of: of }) : null;
      if (premium) {
        premiums.push(premium);
      }
    });
    var highlight = cleanString(raw.highlight, 40);
    return {
      kind: "salary_bands",
      unit: cleanString(raw.unit, 8) || "$K",
      title: cleanString(raw.title, 160) || "Salaries by level",
      highlight: highlight && ids[highlight] ? highlight : null,
      bands: bands,
      premiums: premiums,
      text_alternative: cleanString(raw.text_alternative, 2000) || "",
      notes: (Array.isArray(raw.notes) ? raw.notes : []).map(function (n) { return cleanString(n, 300); })
        .filter(Boolean).slice(0, 5)
    };
  }

  // restored: also keep what the user already said about the answer
  function cleanAnswer(raw, restored) {
    if (!raw || typeof raw !== "object") {
      return null;
    }
    var sources = [];
    (Array.isArray(raw.sources) ? raw.sources : []).forEach(function (s) {
      var section = cleanString(typeof s === "string" ? s : s && s.section, 120);
      if (section && sources.indexOf(section) < 0 && sources.length < 8) {
        sources.push(section);
      }
    });
    var answer = {
      answer_id: cleanString(raw.answer_id, 64),
      rating_token: cleanString(raw.rating_token, 2048),
      sources: sources,
      chart: cleanChart(raw.chart)
    };
    if (restored) {
      answer.rating = raw.rating === "up" || raw.rating === "down" ? raw.rating : null;
      answer.comment = cleanString(raw.comment, MAX_COMMENT);
    }
    if (!answer.sources.length && !answer.rating_token && !answer.chart) {
      return null;
    }
    return answer;
  }

  // The payload belongs to the bot bubble just before it.
  function attachAnswer(raw) {
    var answer = cleanAnswer(raw, false);
    if (!answer) {
      return;
    }
    var item = null;
    for (var i = state.transcript.length - 1; i >= 0; i--) {
      var candidate = state.transcript[i];
      if (candidate.from === "user") {
        break;
      }
      if (!candidate.answer) {
        item = candidate;
        break;
      }
    }
    if (!item) {
      return;
    }
    item.answer = answer;
    saveTranscript();
    var row = rowOf(item);
    if (row) {
      renderAnswer(row, item);
      scrollToBottom();
    }
  }

  function rowOf(item) {
    return ui.list.querySelector('.cb-msg[data-id="' + cssEscape(item.id || "") + '"]');
  }

  function renderAnswer(row, item) {
    var answer = item.answer;
    var old = row.querySelectorAll(".cb-chart, .cb-answer-meta");
    for (var i = 0; i < old.length; i++) {
      old[i].parentNode.removeChild(old[i]);
    }
    var bubble = row.querySelector(".cb-bubble");
    if (answer.chart && bubble) {
      row.classList.add("cb-has-chart");
      bubble.appendChild(renderChart(answer.chart, item.id || newId()));
    }
    if (!answer.sources.length && !answer.rating_token) {
      return;
    }
    var meta = el("div", "cb-answer-meta");
    if (answer.sources.length) {
      var source = el("p", "cb-source");
      text(source, (answer.sources.length > 1 ? "Sources: " : "Source: ") + answer.sources.join(", "));
      meta.appendChild(source);
    }
    if (answer.rating_token) {
      meta.appendChild(renderRating(item));
    }
    row.insertBefore(meta, bubble ? bubble.nextSibling : row.firstChild);
  }

  // ------------------------------------------------------------ rating
  var THUMBS = {
    up: "M7 10v10H4V10h3zm2 10h7.6a2 2 0 0 0 2-1.6l1.3-6A2 2 0 0 0 18 10h-4.5l.8-3.8A1.7 1.7 0 0 0 11 5.5L9 10v10z",
    down: "M7 14V4H4v10h3zm2-10h7.6a2 2 0 0 1 2 1.6l1.3 6A2 2 0 0 1 18 14h-4.5l.8 3.8a1.7 1.7 0 0 1-3.3.7L9 14V4z"
  };
  var RATING_TIMEOUT_MS = 10000;
  var pendingRatings = []; // {token, rating, comment, item, timer} in the order they were sent

  function thumbIcon(kind) {
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    svg.setAttribute("class", "cb-icon cb-thumb-icon");
    var path = document.createElementNS(SVG_NS, "path");
    path.setAttribute("d", THUMBS[kind]);
    svg.appendChild(path);
    return svg;
  }

  function renderRating(item) {
    var box = el("div", "cb-rate", { role: "group", "aria-label": "Rate this answer" });
    [["up", "Helpful answer"], ["down", "Not helpful"]].forEach(function (pair) {
      var b = el("button", "cb-thumb cb-thumb-" + pair[0], {
        type: "button",
        "aria-label": pair[1],
        title: pair[1],
        "aria-pressed": "false",
        "data-rating": pair[0]
      });
      b.appendChild(thumbIcon(pair[0]));
      b.addEventListener("click", function () {
        rate(item, pair[0]);
      });
      box.appendChild(b);
    });
    box.appendChild(el("span", "cb-rate-status", { role: "status" }));
    updateRating(item, box);
    return box;
  }

  // aria-pressed shows the rating being saved, else the saved one
  function updateRating(item, box) {
    box = box || (rowOf(item) || document.createElement("div")).querySelector(".cb-rate");
    if (!box) {
      return;
    }
    var answer = item.answer;
    var shown = answer._sending || answer.rating || null;
    var thumbs = box.querySelectorAll(".cb-thumb");
    for (var i = 0; i < thumbs.length; i++) {
      thumbs[i].setAttribute("aria-pressed", thumbs[i].getAttribute("data-rating") === shown ? "true" : "false");
    }
    box.setAttribute("data-rating", answer.rating || "");
    box.setAttribute("data-state", answer._state || (answer.rating ? "saved" : ""));
  }

  function setRateStatus(item, message) {
    var row = rowOf(item);
    var status = row && row.querySelector(".cb-rate-status");
    if (status) {
      status.textContent = message;
    }
  }

  function emitRating(item, rating, comment) {
    var socket = state.socket;
    if (!socket || !socket.connected || !state.confirmed || !state.sessionId) {
      return false;
    }
    var payload = { session_id: state.sessionId, rating_token: item.answer.rating_token, rating: rating };
    if (comment) {
      payload.comment = comment;
    }
    var entry = { token: item.answer.rating_token, rating: rating, comment: comment || null, item: item };
    entry.timer = setTimeout(function () {
      settleRating(entry, false);
    }, RATING_TIMEOUT_MS);
    pendingRatings.push(entry);
    socket.emit("rate_answer", payload);
    return true;
  }

  function rate(item, rating) {
    var answer = item.answer;
    if (answer._sending || (answer.rating === rating && answer._state !== "error")) {
      if (rating === "down" && !answer._sending && !answer.comment) {
        openFeedback(item);
      }
      return;
    }
    if (!emitRating(item, rating, null)) {
      answer._state = "error";
      updateRating(item);
      setRateStatus(item, "Not connected: try again in a moment.");
      return;
    }
    answer._sending = rating;
    answer._state = "sending";
    updateRating(item);
    setRateStatus(item, "");
    if (rating === "down") {
      openFeedback(item);
    } else {
      closeFeedback(item, false);
    }
  }

  function onRatingSaved(data) {
    if (!data || typeof data !== "object" || !pendingRatings.length) {
      return;
    }
    var token = typeof data.rating_token === "string" ? data.rating_token : null;
    var entry = null;
    for (var i = 0; i < pendingRatings.length; i++) {
      if (token === null || pendingRatings[i].token === token) {
        entry = pendingRatings[i];
        break;
      }
    }
    if (entry) {
      settleRating(entry, data.ok === true);
    }
  }

  function settleRating(entry, ok) {
    var at = pendingRatings.indexOf(entry);
    if (at < 0) {
      return;
    }
    pendingRatings.splice(at, 1);
    clearTimeout(entry.timer);
    var answer = entry.item.answer;
    if (entry.comment) {
      var form = feedbackForm(entry.item);
      if (form) {
        form.removeAttribute("data-state");
      }
      if (ok) {
        answer.comment = entry.comment;
        saveTranscript();
        closeFeedback(entry.item, false);
        setRateStatus(entry.item, "Thanks, noted.");
      } else {
        setRateStatus(entry.item, "Couldn't send that. Try again.");
      }
      return;
    }
    delete answer._sending;
    if (ok) {
      answer.rating = entry.rating;
      answer._state = "saved";
      saveTranscript();
      setRateStatus(entry.item, "Thanks for the feedback.");
    } else {
      answer._state = "error";
      if (entry.rating === "down") {
        closeFeedback(entry.item, false);
      }
      setRateStatus(entry.item, "Couldn't save your rating. Try again.");
    }
    updateRating(entry.item);
  }

  function feedbackForm(item) {
    var row = rowOf(item);
    return row && row.querySelector(".cb-feedback");
  }

  function openFeedback(item) {
    var row = rowOf(item);
    var meta = row && row.querySelector(".cb-answer-meta");
    if (!meta) {
      return;
    }
    var form = feedbackForm(item);
    if (form) {
      form.querySelector("input").focus();
      return;
    }
    var inputId = "cb-feedback-" + cssEscape(item.id || newId());
    form = el("form", "cb-feedback", { novalidate: "" });
    var label = el("label", "cb-sr-only", { "for": inputId });
    text(label, "What were you looking for? (optional)");
    var input = el("input", "cb-feedback-input", {
      id: inputId,
      type: "text",
      maxlength: String(MAX_COMMENT),
      placeholder: "What were you looking for?",
      autocomplete: "off",
      enterkeyhint: "send"
    });
    var sendBtn = el("button", "cb-feedback-send", { type: "submit", "aria-label": "Send feedback" });
    text(sendBtn, "Send");
    var closeBtn = el("button", "cb-feedback-close", { type: "button", "aria-label": "Close feedback" });
    closeBtn.appendChild(icon("close"));
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(sendBtn);
    form.appendChild(closeBtn);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      sendFeedback(item, form, input);
    });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") {
        ev.preventDefault();
        ev.stopPropagation(); // closes the feedback line, not the chat
        closeFeedback(item, true);
      }
    });
    closeBtn.addEventListener("click", function () {
      closeFeedback(item, true);
    });
    meta.appendChild(form);
    input.focus();
    scrollToBottom();
  }

  function sendFeedback(item, form, input) {
    var comment = input.value.trim().slice(0, MAX_COMMENT);
    if (!comment) {
      closeFeedback(item, true);
      return;
    }
    if (form.getAttribute("data-state") === "sending") {
      return;
    }
    if (!emitRating(item, "down", comment)) {
      setRateStatus(item, "Not connected: try again in a moment.");
      return;
    }
    form.setAttribute("data-state", "sending");
    setRateStatus(item, "");
  }

  function closeFeedback(item, refocus) {
    var form = feedbackForm(item);
    if (!form) {
      return;
    }
    var hadFocus = form.contains(document.activeElement);
    form.parentNode.removeChild(form);
    if (refocus || hadFocus) {
      var row = rowOf(item);
      var down = row && row.querySelector(".cb-thumb-down");
      if (down) {
        down.focus();
      }
    }
  }

  // ------------------------------------------------------------- chart
  // A horizontal range chart in inline SVG, drawn in viewBox units that scale to the
  // bubble's width: one row per band (label, the guide's figure, its other figure as a
  // thinner bar), the user's premiums as extra rows under the band they apply to.
  var CHART_W = 320;
  var CHART_FONT = 11;
  var CHART_VALUE_FONT = 10;

  function svgEl(tag, attrs, cls) {
    var node = document.createElementNS(SVG_NS, tag);
    for (var k in attrs) {
      if (Object.prototype.hasOwnProperty.call(attrs, k)) {
        node.setAttribute(k, String(attrs[k]));
      }
    }
    if (cls) {
      node.setAttribute("class", cls);
    }
    return node;
  }

  function figure(value) {
    return String(Math.round(value * 10) / 10);
  }

  function formatRange(range, unit) {
    var k = unit === "$K";
    var pre = k ? "$" : "";
    var post = k ? "K" : " " + unit;
    if (range.high === null) {
      return pre + figure(range.low) + post + "+";
    }
    if (range.low === range.high) {
      return pre + figure(range.low) + post;
    }
    return pre + figure(range.low) + "-" + figure(range.high) + post;
  }

  function niceStep(span) {
    var raw = span / 5;
    var magnitude = Math.pow(10, Math.floor(Math.log(raw) / Math.LN10));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) {
      if (steps[i] * magnitude >= raw) {
        return steps[i] * magnitude;
      }
    }
    return 10 * magnitude;
  }

  function chartRows(chart) {
    var rows = [];
    chart.bands.forEach(function (band) {
      rows.push({ kind: "band", label: band.label, entry: band, id: band.id, highlight: band.id === chart.highlight });
      chart.premiums.forEach(function (p) {
        if (p.of === band.id) {
          rows.push({ kind: "premium", label: "+ " + p.label, entry: p, id: band.id, base: band });
        }
      });
    });
    return rows;
  }

  function textWidth(str, size) {
    return str.length * size * 0.56;
  }

  function renderChart(chart, key) {
    var rows = chartRows(chart);
    var lows = [];
    var highs = [];
    rows.forEach(function (r) {
      [r.entry, r.entry.alternative].forEach(function (range) {
        if (range) {
          lows.push(range.low);
          highs.push(range.high === null ? range.low * 1.25 : range.high);
        }
      });
    });
    var minLow = Math.min.apply(null, lows);
    var maxHigh = Math.max.apply(null, highs);
    var step = niceStep(Math.max(maxHigh - minLow * 0.8, 1));
    var axisMin = Math.max(0, Math.floor(minLow * 0.8 / step) * step);
    var axisMax = Math.ceil(maxHigh * 1.04 / step) * step;
    if (axisMax <= axisMin) {
      axisMax = axisMin + step;
    }
    var x0 = 2;
    var x1 = CHART_W - 2;
    function xOf(v) {
      return x0 + (Math.min(Math.max(v, axisMin), axisMax) - axisMin) / (axisMax - axisMin) * (x1 - x0);
    }

    var fig = el("figure", "cb-chart", { "data-kind": chart.kind });
    var caption = el("figcaption", "cb-chart-title");
    text(caption, chart.title);
    fig.appendChild(caption);

    var ids = "cb-chart-" + cssEscape(key);
    var svg = svgEl("svg", {
      role: "img",
      "aria-labelledby": ids + "-t",
      "aria-describedby": ids + "-d",
      focusable: "false",
      preserveAspectRatio: "xMinYMin meet"
    }, "cb-chart-svg");
    var title = svgEl("title", { id: ids + "-t" });
    title.textContent = chart.title;
    var desc = svgEl("desc", { id: ids + "-d" });
    desc.textContent = chart.text_alternative || rows.map(function (r) {
      return r.label + " " + formatRange(r.entry, chart.unit);
    }).join("; ");
    svg.appendChild(title);
    svg.appendChild(desc);
    var grid = svgEl("g", { "aria-hidden": "true" }, "cb-chart-grid");
    var bars = svgEl("g", {}, "cb-chart-bars");
    svg.appendChild(grid);
    svg.appendChild(bars);

    function value(label, range, y, h, extraClass) {
      var w = textWidth(label, CHART_VALUE_FONT);
      var start = xOf(range.low);
      var end = range.high === null ? x1 : xOf(range.high);
      var baseline = y + h / 2 + CHART_VALUE_FONT * 0.35;
      var t;
      if (x1 - end >= w + 4) {
        t = svgEl("text", { x: end + 3, y: baseline }, "cb-chart-value" + extraClass);
      } else if (start - x0 >= w + 4) {
        t = svgEl("text", { x: start - 3, y: baseline, "text-anchor": "end" }, "cb-chart-value" + extraClass);
      } else {
        t = svgEl("text", { x: start + 3, y: baseline }, "cb-chart-value cb-chart-value-in" + extraClass);
      }
      t.textContent = label;
      return t;
    }

    function bar(range, y, h, cls, data, tip) {
      var g = svgEl("g", {}, "cb-chart-range");
      var start = xOf(range.low);
      var open = range.high === null;
      var end = open ? x1 - 6 : Math.max(xOf(range.high), start + 2);
      var rect = svgEl("rect", { x: start, y: y, width: Math.max(end - start, 2), height: h, rx: 2 }, cls);
      for (var k in data) {
        if (Object.prototype.hasOwnProperty.call(data, k)) {
          rect.setAttribute("data-" + k, String(data[k]));
        }
      }
      rect.setAttribute("data-low", String(range.low));
      if (open) {
        rect.setAttribute("data-open", "true");
      } else {
        rect.setAttribute("data-high", String(range.high));
      }
      var tooltip = svgEl("title", {});
      tooltip.textContent = tip;
      rect.appendChild(tooltip);
      g.appendChild(rect);
      if (open) { // an open-ended figure ("exceeds"): the bar runs on past the axis
        g.appendChild(svgEl("path", {
          d: "M" + end + " " + y + "L" + x1 + " " + (y + h / 2) + "L" + end + " " + (y + h) + "Z"
        }, cls + " cb-chart-arrow"));
      }
      return g;
    }

    var y = 2;
    rows.forEach(function (r) {
      var group = svgEl("g", {}, "cb-chart-row cb-chart-row-" + r.kind + (r.highlight ? " cb-chart-row-hl" : ""));
      var label = svgEl("text", { x: x0, y: y + CHART_FONT }, "cb-chart-label");
      label.textContent = r.label;
      if (r.highlight) {
        var you = svgEl("tspan", {}, "cb-chart-you");
        you.textContent = "  your level";
        label.appendChild(you);
      }
      group.appendChild(label);
      y += CHART_FONT + 5;
      var primaryClass = "cb-chart-bar" + (r.kind === "premium" ? " cb-chart-bar-premium" : "") +
        (r.highlight ? " cb-chart-bar-hl" : "");
      var data = r.kind === "premium" ? { kind: "premium", of: r.id } : { kind: "band", band: r.id };
      if (r.kind === "premium") { // the band before the premium, as a ghost the bar extends from
        var base = r.base;
        var gs = xOf(base.low);
        var ge = base.high === null ? x1 - 6 : xOf(base.high);
        group.appendChild(svgEl("rect", { x: gs, y: y, width: Math.max(ge - gs, 2), height: 10, rx: 2 },
          "cb-chart-ghost"));
        if (!(base.high === null) && xOf(r.entry.low) > ge) {
          group.appendChild(svgEl("line", { x1: ge, y1: y + 5, x2: xOf(r.entry.low), y2: y + 5 }, "cb-chart-link"));
        }
      }
      group.appendChild(bar(r.entry, y, 10, primaryClass, data, r.label + ": " + formatRange(r.entry, chart.unit)));
      group.appendChild(value(formatRange(r.entry, chart.unit), r.entry, y, 10, ""));
      y += 10;
      var alt = r.entry.alternative;
      if (alt) {
        y += 3;
        var altData = r.kind === "premium" ? { kind: "premium-alternative", of: r.id }
          : { kind: "alternative", band: r.id };
        group.appendChild(bar(alt, y, 7, primaryClass + " cb-chart-bar-alt", altData,
          r.label + " (" + (alt.note || "other figure") + "): " + formatRange(alt, chart.unit)));
        group.appendChild(value("also " + formatRange(alt, chart.unit), alt, y - 1, 9, " cb-chart-value-alt"));
        y += 7;
      }
      y += 9;
      bars.appendChild(group);
    });

    // axis: gridlines and figures under the bars
    var top = 2;
    for (var v = axisMin; v <= axisMax + 1e-9; v += step) {
      var gx = xOf(v);
      grid.appendChild(svgEl("line", { x1: gx, y1: top, x2: gx, y2: y }, "cb-chart-gridline"));
      var tick = svgEl("text", {
        x: gx, y: y + 10,
        "text-anchor": v === axisMin ? "start" : v + step > axisMax + 1e-9 ? "end" : "middle"
      }, "cb-chart-tick");
      tick.textContent = formatRange({ low: v, high: v }, chart.unit);
      grid.appendChild(tick);
    }
    var height = Math.ceil(y + 14);
    svg.setAttribute("viewBox", "0 0 " + CHART_W + " " + height);
    svg.setAttribute("data-axis-min", String(axisMin));
    svg.setAttribute("data-axis-max", String(axisMax));
    fig.appendChild(svg);

    // the same figures as text, for screen readers
    var list = el("ul", "cb-sr-only cb-chart-list");
    rows.forEach(function (r) {
      var li = el("li");
      var line = r.label + ": " + formatRange(r.entry, chart.unit);
      if (r.entry.alternative) {
        line += " (" + (r.entry.alternative.note || "other figure") + ": " +
          formatRange(r.entry.alternative, chart.unit) + ")";
      }
      text(li, line + (r.highlight ? " (your level)" : ""));
      list.appendChild(li);
    });
    fig.appendChild(list);

    var legend = el("p", "cb-chart-legend", { "aria-hidden": "true" });
    var keys = [];
    if (rows.some(function (r) { return r.entry.alternative; })) {
      keys.push("thin bar: the guide's other figure");
    }
    if (rows.some(function (r) { return r.entry.high === null; })) {
      keys.push("arrow: open-ended (\u201cexceeds\u201d)");
    }
    if (chart.premiums.length) {
      keys.push("outline: the band before the premium");
    }
    if (keys.length) {
      text(legend, keys.join(" \u00b7 "));
      fig.appendChild(legend);
    }
    chart.notes.forEach(function (n) {
      fig.appendChild(text(el("p", "cb-chart-note"), n));
    });
    return fig;
  }

  // ---------------------------------------------------------- messaging
  function submitInput() {
    var value = ui.input.value.slice(0, MAX_LEN);
    if (!value.trim()) {
      return;
    }
    ui.input.value = "";
    onInputChange();
    sendUserMessage(value.trim(), value.trim());
    ui.input.focus();
  }

  function sendUserMessage(message, shownText) {
    message = String(message).slice(0, MAX_LEN);
    var item = { id: newId(), from: "user", text: String(shownText), payload: message, ts: Date.now(), pending: true };
    appendItem(item);
    flushQueue();
  }

  function flushQueue() {
    var socket = state.socket;
    if (!socket || !socket.connected || !state.confirmed || !state.sessionId) {
      return;
    }
    var sentAny = false;
    state.transcript.forEach(function (item) {
      if (item.from === "user" && item.pending) {
        var payload = { message: item.payload !== undefined ? item.payload : item.text, session_id: state.sessionId };
        socket.emit(config.userEvent, payload);
        item.pending = false;
        sentAny = true;
        var node = ui.list.querySelector('.cb-msg[data-id="' + cssEscape(item.id) + '"]');
        if (node) {
          node.classList.remove("cb-pending");
          var note = node.querySelector(".cb-pending-note");
          if (note) {
            note.parentNode.removeChild(note);
          }
        }
      }
    });
    if (sentAny) {
      saveTranscript();
      setTyping(true);
    }
  }

  function cssEscape(value) {
    return window.CSS && window.CSS.escape ? window.CSS.escape(value) : String(value).replace(/[^\w-]/g, "");
  }

  function normalizeBotMessage(data) {
    if (data === null || data === undefined) {
      return null;
    }
    if (typeof data === "string") {
      data = { text: data };
    }
    if (typeof data !== "object") {
      return null;
    }
    var item = { id: newId(), from: "bot", text: "", ts: Date.now() };
    if (typeof data.text === "string") {
      item.text = data.text;
    }
    var rawButtons = Array.isArray(data.quick_replies) ? data.quick_replies
      : Array.isArray(data.buttons) ? data.buttons : null;
    if (rawButtons) {
      item.buttons = rawButtons.map(function (b) {
        if (!b || typeof b !== "object") {
          return null;
        }
        var title = b.title !== undefined && b.title !== null ? String(b.title) : "";
        var payload = b.payload !== undefined && b.payload !== null ? String(b.payload) : title;
        return title || payload ? { title: title || payload, payload: payload || title } : null;
      }).filter(Boolean);
    }
    var att = data.attachment;
    var image = null;
    if (att && typeof att === "object" && att.type === "image" && att.payload && typeof att.payload.src === "string") {
      image = att.payload.src;
    } else if (typeof data.image === "string") {
      image = data.image;
    }
    if (image && safeHttpUrl(image)) {
      item.image = safeHttpUrl(image);
    }
    if (!item.text && !item.image && !(item.buttons && item.buttons.length)) {
      return null;
    }
    return item;
  }

  function onBotMessage(data) {
    if (data && data.custom && data.custom.careerbot === "forgotten") {
      forgotten();
      return;
    }
    var item = normalizeBotMessage(data);
    if (data && data.custom && data.custom.careerbot === "answer") {
      if (item) { // text and payload in one message: show the text, then attach
        setTyping(false);
        appendItem(item);
        announceItem(item);
      }
      attachAnswer(data.custom);
      return;
    }
    if (!item) {
      return;
    }
    setTyping(false);
    appendItem(item);
    announceItem(item);
  }

  function announceItem(item) {
    var spoken = plainText(item.text || "");
    if (item.buttons && item.buttons.length) {
      spoken += " Options: " + item.buttons.map(function (b) { return b.title; }).join(", ") + ".";
    }
    if (spoken.trim()) {
      announce(spoken);
    }
  }

  // The server deleted this user's data: drop the stored transcript and session
  // too, keeping only the bot's confirmation on screen, in a new session.
  function forgotten() {
    var confirmation = state.transcript.length ? state.transcript[state.transcript.length - 1] : null;
    newConversation();
    if (confirmation && confirmation.from === "bot") {
      appendItem(confirmation);
    }
  }

  function newConversation() {
    state.transcript = [];
    state.sessionId = null;
    state.confirmed = false;
    store.remove("transcript");
    store.remove("session_id");
    setTyping(false);
    renderAll();
    ui.announcer.textContent = "";
    // Bot replies are routed to a socket.io room named after the session id,
    // so leave the old room by starting a fresh connection.
    if (state.socket) {
      state.socket.disconnect();
      state.socket.connect();
    }
    ui.input.focus();
  }

  // ------------------------------------------------------------ socket.io
  function loadSocketIo(done) {
    if (typeof window.io === "function" && window.io.Manager) {
      done(window.io);
      return;
    }
    var previous = window.io;
    // The vendored file is a UMD bundle: keep it from registering with a host
    // page's AMD loader so that it exposes window.io.
    var amdDefine = typeof window.define === "function" && window.define.amd ? window.define : null;
    if (amdDefine) {
      window.define = undefined;
    }
    function restoreAmd() {
      if (amdDefine) {
        window.define = amdDefine;
      }
    }
    var s = document.createElement("script");
    s.src = baseUrl + "vendor/socket.io.min.js";
    s.async = true;
    s.onload = function () {
      restoreAmd();
      var ours = window.io;
      if (previous !== undefined) {
        window.io = previous; // leave a host page's own global alone
      }
      done(typeof ours === "function" ? ours : null);
    };
    s.onerror = function () {
      restoreAmd();
      done(null);
    };
    document.head.appendChild(s);
  }

  function connect(io) {
    var server = new URL(config.serverUrl);
    var prefix = server.pathname.replace(/\/+$/, "");
    var ns = config.namespace === "/" ? "" : config.namespace;
    var socket = io(server.origin + ns, {
      path: prefix + config.socketPath,
      transports: config.transports,
      reconnection: true,
      reconnectionAttempts: Infinity,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 5000,
      timeout: 8000
    });
    state.socket = socket;

    state.connectingTimer = setTimeout(function () {
      if (!socket.connected && !state.failures) {
        setStatus("info", "Connecting to careerbot…");
      }
    }, CONNECTING_NOTICE_DELAY_MS);

    socket.on("connect", function () {
      clearTimeout(state.connectingTimer);
      state.confirmed = false;
      state.failures = 0;
      setConn("connecting", "Starting session…");
      // Always (re-)request the session: after a page reload or a server
      // restart the new socket must join the session's room again.
      socket.emit("session_request", { session_id: state.sessionId });
    });

    socket.on("session_confirm", function (data) {
      var id = typeof data === "string" ? data : data && typeof data === "object" ? data.session_id : null;
      if (!id) {
        return;
      }
      state.sessionId = String(id);
      store.set("session_id", state.sessionId);
      var wasConnectedBefore = state.everConnected;
      state.everConnected = true;
      state.confirmed = true;
      setConn("online", "Online");
      if (!ui.status.hidden && ui.status.getAttribute("data-kind") !== "ok") {
        setStatus(wasConnectedBefore ? "ok" : null, "Connected again.");
      }
      ui.root.setAttribute("data-session-id", state.sessionId);
      flushQueue();
    });

    socket.on(config.botEvent, onBotMessage);
    socket.on("rating_saved", onRatingSaved);

    socket.on("connect_error", function () {
      state.failures += 1;
      state.confirmed = false;
      clearTimeout(state.connectingTimer);
      setTyping(false);
      setConn("offline", "Offline");
      setStatus("error",
        "Can't reach careerbot (" + server.host + "). Retrying automatically; " +
        "messages you send now will go out once it's back.", true);
      // Where WebSocket is blocked (proxy), fall back to HTTP long-polling
      // (and back) on alternate attempts.
      var t = socket.io.opts.transports;
      if (t && t.length > 1) {
        socket.io.opts.transports = t.slice(1).concat(t[0]);
      }
    });

    socket.on("disconnect", function (reason) {
      state.confirmed = false;
      setTyping(false);
      if (reason === "io client disconnect") {
        setConn("connecting", "Connecting…");
        return;
      }
      setConn("offline", "Reconnecting…");
      setStatus("warn", "Connection to careerbot lost. Reconnecting…", true);
      if (reason === "io server disconnect") {
        socket.connect(); // the server closed it: socket.io won't retry by itself
      }
    });

    window.addEventListener("online", function () {
      if (!socket.connected) {
        socket.connect();
      }
    });
  }

  // --------------------------------------------------------------- boot
  function loadCss(done) {
    var href = baseUrl + "careerbot-widget.css";
    var existing = document.querySelector('link[rel="stylesheet"][href$="careerbot-widget.css"]');
    if (existing) {
      done();
      return;
    }
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    var finished = false;
    function finish() {
      if (!finished) {
        finished = true;
        done();
      }
    }
    link.onload = finish;
    link.onerror = finish;
    setTimeout(finish, 3000);
    document.head.appendChild(link);
  }

  function boot() {
    buildUi();
    renderAll();
    var storedOpen = null;
    try {
      storedOpen = window.sessionStorage.getItem(config.storagePrefix + "open");
    } catch (e) {
      /* ignore */
    }
    setOpen(storedOpen === null ? config.openOnLoad : storedOpen === "1", false);
    loadCss(function () {
      ui.root.hidden = false;
      scrollToBottom();
    });

    window.careerbot = {
      version: VERSION,
      serverUrl: config.serverUrl,
      open: function () { setOpen(true, true); },
      close: function () { setOpen(false, true); },
      toggle: function () { setOpen(!state.open, true); },
      send: function (message) { sendUserMessage(message, message); },
      newConversation: newConversation,
      get sessionId() { return state.sessionId; },
      get connected() { return !!(state.socket && state.socket.connected && state.confirmed); }
    };

    loadSocketIo(function (io) {
      if (!io) {
        setConn("offline", "Unavailable");
        setStatus("error", "The chat component failed to load. Please reload the page.");
        return;
      }
      connect(io);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", boot);
  } else {
    boot();
  }
})();
