/*!
 * SomaNet Archive Search: the embeddable search widget.
 *
 *   <link rel="stylesheet" href="/static/archive-search.css">
 *   <script src="/static/archive-search.js" defer></script>
 *   <div data-archive-search data-api-base="https://api.example.org"></div>
 *
 * or, from your own script: ArchiveSearch.mount(element, {apiBase: "https://api.example.org"}).
 *
 * Plain JavaScript, no dependencies, no build step. Safe by construction: API data only ever reaches the page as
 * text nodes (textContent, createTextNode); the only markup let through is <mark>, rebuilt as elements from the
 * exact literal tags in `snippet`/`highlights`. Nothing here assigns HTML strings, so a page may enforce
 * `require-trusted-types-for 'script'`. See docs/website.md.
 */
(function (global) {
  "use strict";

  var DEFAULTS = {
    apiBase: "", // the search API's URL; "" is this page's origin
    articleUrl: "", // template for articles without a url of their own, e.g. "https://site/archive/{id}"
    pageSize: 10,
    debounceMs: 150, // wait this long after the last keystroke before asking for suggestions
    minSuggestChars: 2,
    requestTimeoutMs: 15000,
    syncUrl: true, // keep the query and filters in the address bar (one widget per page should do this)
    facetLimit: 8, // facet values shown before "Show N more"
  };
  var SORTS = [
    ["relevance", "Relevance"],
    ["newest", "Newest first"],
    ["oldest", "Oldest first"],
  ];
  // How the API reads the query's words (search.SPELLINGS): "as_typed" is the "Search instead for" of a page that says
  // "Showing results for" another spelling.
  var SPELLINGS = ["auto", "as_typed"];
  var FACETS = [
    ["section", "Section"],
    ["author", "Author"],
    ["year", "Year"],
  ];
  // The API's limits (search.MAX_PAGE, MAX_QUERY_CHARS, suggest.MAX_SUGGEST_CHARS; a unit test keeps them equal):
  // a pasted paragraph is searched whole, and asks for no suggestions, which no headline that long could answer.
  var MAX_PAGE = 100;
  var MAX_QUERY = 2048;
  var MAX_SUGGEST = 500;
  var SHOWN_QUERY = 80;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  // The API's `year` values (search.YEAR_PATTERN, facets.UNDATED): a year, or the articles without a date.
  var YEAR = /^\d{4}$/;
  var UNDATED = "undated";
  // Words /search never requires (query_parser.STOPWORDS: Lucene's English list, `vs` and the question words)
  var STOPWORDS = ["a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no",
    "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
    "will", "with", "vs", "how", "what", "when", "where", "which", "who", "whom", "whose", "why"];
  var instances = 0;

  // ---------------------------------------------------------------- safe DOM construction

  /** An element with attributes and children; strings become text nodes, never markup. */
  function h(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        var value = attrs[name];
        if (value === null || value === undefined || value === false) return;
        if (name === "text") node.textContent = String(value);
        else if (name === "className") node.className = value;
        else if (name.slice(0, 2) === "on") node.addEventListener(name.slice(2), value);
        else node.setAttribute(name, value === true ? "" : String(value));
      });
    }
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function append(parent, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) child.forEach(function (c) { append(parent, c); });
    else parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }

  var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

  /** Text of an HTML-escaped string (the API escapes snippets): entities decoded, nothing interpreted. */
  function decodeEntities(text) {
    return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, function (whole, entity) {
      if (entity.charAt(0) === "#") {
        var hex = entity.charAt(1) === "x" || entity.charAt(1) === "X";
        var code = parseInt(entity.slice(hex ? 2 : 1), hex ? 16 : 10);
        var valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
        return valid ? String.fromCodePoint(code) : "\ufffd";
      }
      return Object.prototype.hasOwnProperty.call(ENTITIES, entity) ? ENTITIES[entity] : whole;
    });
  }

  /**
   * Appends highlighted text: the exact literal tags "<mark>" and "</mark>" become <mark> elements, everything else
   * is text (entities decoded). Any other tag, attribute or script stays visible, inert text.
   */
  function appendMarked(parent, marked) {
    var depth = 0;
    String(marked || "").split(/(<mark>|<\/mark>)/).forEach(function (part) {
      if (part === "<mark>") depth += 1;
      else if (part === "</mark>") depth = Math.max(0, depth - 1);
      else if (part) {
        var text = document.createTextNode(decodeEntities(part));
        parent.appendChild(depth > 0 ? h("mark", null, text) : text);
      }
    });
    return parent;
  }

  var BIDI_OPENERS = { "\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c",
    "\u2066": "\u2069", "\u2067": "\u2069", "\u2068": "\u2069" };

  /**
   * Text whose direction controls are balanced: an unmatched closer is dropped and every opener is closed at the end.
   * Browsers isolate an element by the same controls, so a stray U+2069 (pop isolate) would otherwise end the
   * isolate early and let an override after it reach the text beyond.
   */
  function balanceBidi(text) {
    var open = [];
    var out = "";
    for (var i = 0; i < text.length; i += 1) {
      var c = text.charAt(i);
      if (Object.prototype.hasOwnProperty.call(BIDI_OPENERS, c)) {
        open.push(c);
      } else if (c === "\u202c") { // pop directional formatting: closes an embedding, never an isolate
        if (!open.length || BIDI_OPENERS[open[open.length - 1]] !== c) continue;
        open.pop();
      } else if (c === "\u2069") { // pop directional isolate: closes the last isolate and what was opened inside it
        var at = open.length - 1;
        while (at >= 0 && BIDI_OPENERS[open[at]] !== c) at -= 1;
        if (at < 0) continue;
        while (open.length > at + 1) out += BIDI_OPENERS[open.pop()];
        open.pop();
      }
      out += c;
    }
    while (open.length) out += BIDI_OPENERS[open.pop()];
    return out;
  }

  /**
   * Text from the API or the address shown inline, set apart (<bdi>) so that its direction, right-to-left or forced
   * by a control character, cannot reorder the words around it ("By <author> · <date> · <section>").
   */
  function isolate(text, attrs) {
    return h("bdi", Object.assign({ text: balanceBidi(String(text)) }, attrs || {}));
  }

  /**
   * Plain text for a document title: its direction controls taken out, so that none reaches the words around it.
   * Tabs, history and bookmarks show a title as it is, and isolates there read as stray characters (the title read
   * "“⁨election⁩” · Search the archive": session 53's new user).
   */
  function plainTitle(text) {
    return String(text).replace(/[\u202a-\u202e\u2066-\u2069]/g, "");
  }

  /** Highlighted text (see appendMarked), set apart like `isolate`. */
  function isolateMarked(marked) {
    var bdi = appendMarked(h("bdi"), marked);
    var walker = document.createTreeWalker(bdi, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) node.data = balanceBidi(node.data);
    return bdi;
  }

  /** Replaces a node's children; null, false and nested arrays are allowed (unlike Node.replaceChildren). */
  function setChildren(parent) {
    parent.replaceChildren();
    for (var i = 1; i < arguments.length; i++) append(parent, arguments[i]);
    return parent;
  }

  /**
   * An id as a URL path, each segment encoded (`2015/05/kerry`). Browsers resolve `.` and `..` segments (`%2E%2E`
   * too), so an id holding one is encoded whole, its slashes as %2F, which the API reads alike. Ids that are nothing
   * but a dot segment cannot be named in a path at all (ingest makes none): null.
   */
  function encodePath(id) {
    var text = String(id);
    if (text === "." || text === "..") return null;
    var segments = text.split("/");
    var dotted = segments.some(function (s) { return s === "." || s === ".."; });
    return dotted ? encodeURIComponent(text) : segments.map(encodeURIComponent).join("/");
  }

  /**
   * Only http(s) links and paths on this site leave the widget: no javascript:, data: or protocol-relative URLs.
   * The URL is judged as the browser will follow it (parsed, so tabs and newlines inside are dropped first): `/\t/x`
   * is `//x`, another site.
   */
  function safeHref(url) {
    if (typeof url !== "string") return null;
    var parsed;
    try {
      parsed = new URL(url, global.location.href);
    } catch (e) {
      return null;
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
    if (/^https?:\/\//i.test(url.replace(/[\t\n\r]/g, "").trim())) return parsed.href;
    if (url.trim().charAt(0) === "/" && parsed.origin === global.location.origin) {
      return parsed.pathname + parsed.search + parsed.hash;
    }
    return null;
  }

  function plural(count, one, many) {
    return formatNumber(count) + " " + (count === 1 ? one : many);
  }

  function formatNumber(value) {
    try {
      return new Intl.NumberFormat(document.documentElement.lang || undefined).format(value);
    } catch (e) {
      return String(value);
    }
  }

  /** A readable date for "2019-04-12" or an ISO timestamp; null when there is none. */
  function formatDate(published) {
    if (typeof published !== "string" || !published) return null;
    var day = published.slice(0, 10);
    if (!DATE.test(day)) return null;
    var parts = day.split("-").map(Number);
    var date = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
    if (isNaN(date.getTime())) return null;
    try {
      return {
        iso: day,
        text: date.toLocaleDateString(document.documentElement.lang || undefined, {
          year: "numeric", month: "short", day: "numeric", timeZone: "UTC",
        }),
      };
    } catch (e) {
      return { iso: day, text: day };
    }
  }

  // ---------------------------------------------------------------- state <-> URL

  function emptyState() {
    return {
      q: "", section: [], author: [], year: [], from: "", to: "", sort: "relevance", spelling: "auto", page: 1, article: "",
    };
  }

  /**
   * Filter values in one parameter (the API's syntax, kept in the address bar too): values are separated by commas;
   * inside a value "\\," is a comma and "\\\\" a backslash, so a facet such as "Smith, John" round-trips.
   */
  function joinValues(values) {
    return values.map(function (v) { return v.replace(/\\/g, "\\\\").replace(/,/g, "\\,"); }).join(",");
  }

  /**
   * The values of one filter parameter as the API reads them (search.split_filter_values), or null when a backslash
   * is followed by anything but a comma or another backslash, or ends the value: the API refuses that (400), and
   * reading `a\b` as "ab" searched a section the API would not.
   */
  function splitValues(raw) {
    var values = [];
    var current = "";
    for (var i = 0; i < raw.length; i += 1) {
      var c = raw.charAt(i);
      if (c === "\\") {
        i += 1;
        if (raw.charAt(i) !== "," && raw.charAt(i) !== "\\") return null;
        current += raw.charAt(i);
      } else if (c === ",") {
        values.push(current);
        current = "";
      } else {
        current += c;
      }
    }
    values.push(current);
    return values.map(function (v) { return v.trim(); }).filter(Boolean);
  }

  /**
   * How many words or phrases a date order requires an article to hold, as docs/search.md reads a query: a quoted
   * phrase is one, alternatives joined by `OR` or `|` one; an exclusion (`-word`, `-"a phrase"`, `NOT` or `AND NOT`
   * and the word or phrase after it), `AND` and a stopword none. The sort note shows only when more than one is.
   * (The API's finer rules, e.g. `NOT` beside a stopword being a word, are not repeated here.)
   */
  function requiredUnits(q) {
    var units = String(q || "").match(/-?"[^"]*"?|[^\s"]+/g) || [];
    var count = 0;
    var joined = false;
    for (var i = 0; i < units.length; i++) {
      var unit = units[i];
      if (unit === "NOT") { i++; continue; }
      if (unit === "AND") continue;
      if (unit === "OR" || unit === "|") { joined = count > 0; continue; }
      if (unit.charAt(0) === "-") continue;
      var phrase = unit.charAt(0) === '"';
      var word = unit.replace(/^"|"$/g, "").replace(/^[!-\/:-@[-`{-~]+|[!-\/:-@[-`{-~]+$/g, "");
      if (!word || (!phrase && STOPWORDS.indexOf(word.toLowerCase()) >= 0)) continue;
      if (!joined) count++;
      joined = false;
    }
    return count;
  }

  /** The query cut to the API's limit, never between the two halves of a character such as an emoji. */
  function clipQuery(text) {
    var cut = text.slice(0, MAX_QUERY);
    return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
  }

  // Characters the API drops from a query (index_mapping.INVISIBLE_RANGES): a zero-width space, a soft hyphen.
  var INVISIBLE_RANGES = [
    [0x00ad, 0x00ad], [0x034f, 0x034f], [0x061c, 0x061c], [0x115f, 0x1160], [0x17b4, 0x17b5], [0x180b, 0x180f],
    [0x200b, 0x200f], [0x202a, 0x202e], [0x2060, 0x206f], [0x3164, 0x3164], [0xfe00, 0xfe0f], [0xfeff, 0xfeff],
    [0xffa0, 0xffa0], [0xfff0, 0xfff8], [0x1bca0, 0x1bca3], [0x1d173, 0x1d17a], [0xe0000, 0xe0fff],
  ];

  /**
   * The query typed, cut to what the API takes; none when it holds only blanks, control and invisible characters,
   * as the API reads it (session 56: the API answers such a q alone "q is required", and browses beside a filter).
   */
  function readQuery(text) {
    var q = clipQuery(text.trim());
    for (var i = 0; i < q.length; i++) {
      var code = q.charCodeAt(i);
      var low = q.charCodeAt(i + 1);
      if (code >= 0xd800 && code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
      var blank = code <= 0x20 || (code >= 0x7f && code <= 0x9f) || /\s/.test(String.fromCharCode(code));
      var invisible = INVISIBLE_RANGES.some(function (range) { return code >= range[0] && code <= range[1]; });
      if (!blank && !invisible) return q;
    }
    return "";
  }

  /**
   * The query as the results heading and the tab's title name it: a pasted paragraph (up to MAX_QUERY characters)
   * filled the screen above its results, so past SHOWN_QUERY characters it is cut at a word and ends in "…".
   */
  function shownQuery(q) {
    if (q.length <= SHOWN_QUERY) return q;
    var cut = q.slice(0, SHOWN_QUERY).replace(/[\ud800-\udbff]$/, "");
    if (!/\s/.test(q.charAt(cut.length))) cut = cut.replace(/\s+\S*$/, ""); // not half a word
    return cut.trimEnd() + "…";
  }

  /** A real day as YYYY-MM-DD (not 2020-02-30). */
  function isDate(value) {
    if (!DATE.test(value)) return false;
    var parts = value.split("-").map(Number);
    var date = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
    return date.getUTCFullYear() === parts[0] && date.getUTCMonth() === parts[1] - 1 && date.getUTCDate() === parts[2];
  }

  /**
   * The view an address asks for, and what in it was left out as invalid (`dropped`: words and nodes for the reader), so that
   * a mistyped link searches without it rather than failing.
   */
  function readState(search) {
    var params = new URLSearchParams(search);
    var dropped = [];
    // A filter given twice (`author=A&author=B`) is one list, as the API reads it (API Gateway joins the values
    // with commas): reading the first alone searched without the others and left them in the address.
    // A value the API would refuse is left out, said so, like an invalid date.
    var list = function (name) {
      return params.getAll(name).reduce(function (values, raw) {
        var split = splitValues(raw);
        if (split) return values.concat(split);
        dropped.push([
          "the " + name + " filter “", isolate(raw),
          "” (a backslash in a filter must be followed by a comma or another backslash)",
        ]);
        return values;
      }, []);
    };
    // The API's tag filter has no control on this page: searching without it while the address still held it
    // showed a view the address did not describe, so it is left out, said so, like an invalid part.
    var tags = list("tag");
    if (tags.length) {
      dropped.push(["the tag filter “", isolate(tags.join(", ")), "” (this page filters by section, author and date)"]);
    }
    // A one-value parameter is read as the API reads it (search._plain_param): ASCII spaces and line ends around it
    // aside (a pasted address's `page=2%0A`), `sort` in any case; left out with a notice, they searched otherwise.
    var plain = function (name) {
      return (params.get(name) || "").replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
    };
    var date = function (name) {
      var value = plain(name);
      if (!value || isDate(value)) return value;
      dropped.push(["the date “", isolate(value), "”"]);
      return "";
    };
    // The API's `year`: years and `undated` (the articles without a date), as the year facet lists them.
    var years = list("year").filter(function (value) {
      if (YEAR.test(value) && value !== "0000") return true;
      if (value.toLowerCase() === UNDATED) return true;
      dropped.push(["the year “", isolate(value), "”"]);
      return false;
    }).map(function (value) { return value.toLowerCase(); });
    var from = date("from");
    var to = date("to");
    if (from && to && from > to) {
      dropped.push(["the dates (“from” " + from + " is after “to” " + to + ")"]); // checked dates: digits only
      from = to = "";
    }
    var given = plain("sort");
    var sort = given.toLowerCase() || "relevance";
    if (!SORTS.some(function (s) { return s[0] === sort; })) {
      dropped.push(["the sort order “", isolate(given), "”"]); // as the reader gave it
      sort = "relevance";
    }
    var spelt = plain("spelling");
    var spelling = spelt.toLowerCase() || "auto";
    if (SPELLINGS.indexOf(spelling) < 0) {
      dropped.push(["the spelling “", isolate(spelt), "”"]);
      spelling = "auto";
    }
    var page = plain("page") || "1";
    if (!(/^\d{1,3}$/.test(page) && +page >= 1 && +page <= MAX_PAGE)) {
      dropped.push(["page “", isolate(page), "” (pages go from 1 to " + MAX_PAGE + ")"]);
      page = "1";
    }
    return {
      state: {
        q: readQuery(params.get("q") || ""),
        section: list("section"),
        author: list("author"),
        year: years.filter(function (value, i) { return years.indexOf(value) === i; }),
        from: from,
        to: to,
        sort: sort,
        spelling: spelling,
        page: +page,
        article: params.get("article") || "",
      },
      dropped: dropped,
    };
  }

  /**
   * The order the results are in, one of SORTS' values: the API's answer says (`sort`); before it comes (`body` null),
   * the API's rule (search.effective_sort): without words, relevance is newest first.
   */
  function shownSort(state, body) {
    if (body && SORTS.some(function (s) { return s[0] === body.sort; })) return body.sort;
    return !state.q && state.sort === "relevance" ? "newest" : state.sort;
  }

  function sortName(sort) {
    return SORTS.filter(function (s) { return s[0] === sort; })[0][1];
  }

  function hasFilters(state) {
    return state.section.length > 0 || state.author.length > 0 || state.year.length > 0 || !!state.from || !!state.to;
  }

  function filterCount(state) {
    return state.section.length + state.author.length + state.year.length + (state.from || state.to ? 1 : 0);
  }

  /** The search as query parameters: the same names in the address bar and in the API call. */
  function searchParams(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    if (state.section.length) params.set("section", joinValues(state.section));
    if (state.author.length) params.set("author", joinValues(state.author));
    if (state.year.length) params.set("year", state.year.join(","));
    if (state.from) params.set("from", state.from);
    if (state.to) params.set("to", state.to);
    if (state.sort !== "relevance") params.set("sort", state.sort);
    if (state.spelling && state.spelling !== "auto") params.set("spelling", state.spelling);
    if (state.page > 1) params.set("page", String(state.page));
    return params;
  }

  /** Near enough the API's folding of filter values (case and accents; the engine folds a few more letters). */
  function fold(value) {
    return String(value).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  /**
   * The filter values a facet value the API marks selected stands for: those spelt like it once folded ("José
   * Núñez" for "Jose Nunez"), or, when the API folded a spelling this page cannot, those no other selected value
   * stands for.
   */
  function chosenFor(value, chosen, selectedValues) {
    var same = chosen.filter(function (v) { return fold(v) === fold(value); });
    if (same.length) return same;
    return chosen.filter(function (v) {
      return !selectedValues.some(function (other) { return other !== value && fold(other) === fold(v); });
    });
  }

  function yearBounds(year) {
    return { from: year + "-01-01", to: year + "-12-31" };
  }

  /**
   * A year's bounds within the reader's From-To range, unless that range is a chosen year (another year replaces it).
   * The API counts the year facet within such a range, so choosing 2026 beside "From 5 November 2026" keeps that
   * From: it was replaced by 1 January, and 4 results became 8 (session 54's new user).
   */
  function yearWithin(bounds, state) {
    if (selectedYear(state)) return bounds;
    return {
      from: state.from && state.from > bounds.from ? state.from : bounds.from,
      to: state.to && state.to < bounds.to ? state.to : bounds.to,
    };
  }

  function selectedYear(state) {
    var match = /^(\d{4})-01-01$/.exec(state.from);
    return match && state.to === match[1] + "-12-31" ? match[1] : null;
  }

  // ---------------------------------------------------------------- the API

  function ApiError(status, code, message) {
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.message = message;
  }
  ApiError.prototype = Object.create(Error.prototype);

  function userMessage(error) {
    if (error.status === 0) {
      return "We couldn't reach the search service. Check your connection and try again.";
    }
    if (error.status === 503) return "Search is temporarily unavailable. Please try again in a moment.";
    if (error.status === 400) return "That search couldn't be run: " + error.message;
    if (error.status === 404) return "The search service doesn't offer this yet (error 404).";
    return "Something went wrong on our side (error " + error.status + "). Please try again.";
  }

  // ---------------------------------------------------------------- the widget

  function ArchiveSearch(root, options) {
    this.root = root;
    this.options = Object.assign({}, DEFAULTS, options || {});
    this.options.apiBase = String(this.options.apiBase || "").replace(/\/+$/, "");
    this.uid = "as" + ++instances;
    this.state = emptyState();
    this.suggestions = [];
    this.activeSuggestion = -1;
    this.searchSeq = 0;
    this.suggestSeq = 0;
    this.articleSeq = 0;
    this.cache = new Map(); // search responses by query string, for instant back/forward
    this.expandedFacets = {};
    this.lastResponse = null;
    this.baseTitle = document.title;
    this.build();
    this.onPopState = this.onPopState.bind(this);
    if (this.options.syncUrl) global.addEventListener("popstate", this.onPopState);
    this.onDocumentClick = this.onDocumentClick.bind(this);
    document.addEventListener("click", this.onDocumentClick);
    if (this.options.syncUrl) this.openAddress();
    else this.navigate(emptyState(), "none");
  }

  ArchiveSearch.prototype.id = function (suffix) {
    return this.uid + "-" + suffix;
  };

  /** The id of a part a link may lead to (`#archive-search-results`): named after the mount point's id when it has one. */
  ArchiveSearch.prototype.anchor = function (part) {
    return (this.root.id || this.uid) + "-" + part;
  };

  ArchiveSearch.prototype.build = function () {
    var self = this;
    this.input = h("input", {
      id: this.id("q"), className: "as-input", type: "search", name: "q", role: "combobox",
      "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": this.id("suggestions"),
      "aria-describedby": this.id("hint"), autocomplete: "off", autocapitalize: "off", spellcheck: "false",
      enterkeyhint: "search", maxlength: MAX_QUERY, placeholder: "Names, places, topics…",
      oninput: function () { self.onInput(); },
      onkeydown: function (event) { self.onKeyDown(event); },
      onblur: function () { self.closeSuggestions(); },
    });
    this.listbox = h("ul", {
      id: this.id("suggestions"), className: "as-suggestions", role: "listbox", "aria-label": "Suggestions",
      hidden: true,
    });
    this.form = h("form", {
      className: "as-form", role: "search", "aria-label": "Archive", action: "", onsubmit: function (event) {
        event.preventDefault();
        self.submitQuery();
      },
    },
      h("label", { className: "as-label", for: this.id("q"), text: "Search the archive" }),
      h("div", { className: "as-form-row" },
        h("div", { className: "as-combo" }, this.input, this.listbox),
        h("button", { className: "as-button as-submit", type: "submit", text: "Search" })),
      h("p", {
        id: this.id("hint"), className: "as-hint",
        text: "Suggestions appear as you type: arrow keys and Enter open one, Escape closes the list.",
      }));

    this.status = h("p", { className: "as-vh", role: "status", "aria-live": "polite", "aria-atomic": "true" });

    this.sortSelect = h("select", {
      id: this.id("sort"), className: "as-select",
      onchange: function () { self.navigate(Object.assign({}, self.state, { sort: self.sortSelect.value, page: 1 })); },
    }, SORTS.map(function (s) { return h("option", { value: s[0], text: s[1] }); }));
    this.relevanceOption = this.sortSelect.options[0];
    // Without words the API lists by date (search.effective_sort): relevance is then offered disabled, and why is the
    // box's description (session 56's new user saw "Relevance" over a list that was newest first).
    this.sortHint = h("span", {
      id: this.id("sort-hint"), hidden: true, // read as the box's description only
      text: "Relevance needs search words: without them the articles are listed by date.",
    });

    // The API reads dates as YYYY-MM-DD; a date input takes years of up to six digits (275760-09-13) unless bounded:
    // the browser then refuses such a date itself, before the form is submitted (session 47's new user).
    this.fromInput = h("input", {
      id: this.id("from"), className: "as-date", type: "date", name: "from", min: "0001-01-01", max: "9999-12-31",
    });
    this.toInput = h("input", {
      id: this.id("to"), className: "as-date", type: "date", name: "to", min: "0001-01-01", max: "9999-12-31",
    });
    this.dateError = h("p", { id: this.id("date-error"), className: "as-field-error", hidden: true });
    this.dateForm = h("form", {
      className: "as-dates", "aria-labelledby": this.id("dates-legend"),
      onsubmit: function (event) { event.preventDefault(); self.applyDates(); },
    },
      h("fieldset", null,
        h("legend", { id: this.id("dates-legend"), text: "Published" }),
        h("div", { className: "as-date-row" },
          h("label", { for: this.id("from"), text: "From" }), this.fromInput,
          h("label", { for: this.id("to"), text: "To" }), this.toInput),
        this.dateError,
        h("button", { className: "as-button as-button-small", type: "submit", text: "Apply dates" })));

    this.facetBox = h("div", { className: "as-facets" });
    this.clearButton = h("button", {
      className: "as-button as-button-quiet", type: "button", hidden: true, text: "Clear all filters",
      onclick: function () { self.clearFilters(); },
    });
    this.filterSummary = h("summary", { className: "as-filters-summary", text: "Filters" });
    this.filters = h("details", { className: "as-filters" },
      this.filterSummary,
      h("div", { className: "as-filters-body", role: "group", "aria-label": "Filters" },
        this.dateForm, this.facetBox,
        h("p", { id: this.id("facet-hint"), className: "as-hint as-facet-hint", text: "Arrow keys move within a facet." }),
        this.clearButton));
    // After the results in source (and so focus) order, beside them on a desktop: a keyboard user reaches the first
    // result three Tabs after the box, not forty (session 56); a region landmark and heading of their own let a screen
    // reader jump to them, and "Skip to filters" in the toolbar leads there from the keyboard.
    this.filtersRegion = h("section", {
      id: this.anchor("filters"), className: "as-filters-region", "aria-labelledby": this.id("filters-heading"),
    },
      h("h2", { id: this.id("filters-heading"), className: "as-vh", text: "Filters" }), this.filters);

    this.heading = h("h2", { id: this.id("summary"), className: "as-summary", tabindex: "-1" });
    this.took = h("span", { className: "as-took" });
    this.didYouMean = h("p", { className: "as-dym", hidden: true });
    this.unapplied = h("p", { className: "as-unapplied", role: "note", hidden: true });
    // A quoted phrase no article holds is searched as its words (the API's relaxed_phrases): say so, where the page
    // promises "Quotes find a phrase".
    this.relaxed = h("p", { className: "as-relaxed", role: "note", hidden: true });
    this.notice = h("p", { className: "as-notice", role: "note", hidden: true });
    this.message = h("div", { className: "as-message", hidden: true });
    this.list = h("ol", { className: "as-results", "aria-labelledby": this.id("summary") });
    this.pager = h("nav", { className: "as-pager", "aria-label": "Result pages", hidden: true });
    // Pages stop at MAX_PAGE: say so, and how to reach the rest, where there are more (session 47's new user read
    // "1,128 results" and could reach 1,000 of them, told nothing).
    this.pageLimit = h("p", { className: "as-page-limit", role: "note", hidden: true });
    // Why a date order lists fewer, or in no date order (session 53's new user: 461 by relevance, 37 newest first,
    // none of them dated, and not a word of why).
    this.sortNote = h("p", { className: "as-sort-note", role: "note", hidden: true });
    this.resultsView = h("section", {
      id: this.anchor("results"), className: "as-results-view", "aria-labelledby": this.id("summary"), "aria-busy": "false",
    },
      h("div", { className: "as-toolbar" },
        h("div", { className: "as-toolbar-summary" }, this.heading, this.took),
        this.sortBox = h("div", { className: "as-sort" },
          h("label", { for: this.id("sort"), text: "Sort by" }), this.sortSelect, this.sortHint),
        h("a", { className: "as-skip-filters", href: "#" + this.anchor("filters"), text: "Skip to filters" })),
      this.notice, this.didYouMean, this.relaxed, this.unapplied, this.sortNote, this.message, this.list, this.pager, this.pageLimit);

    this.layout = h("div", { className: "as-layout" }, this.resultsView, this.filtersRegion);
    this.articleView = h("article", {
      className: "as-article", hidden: true, tabindex: "-1", "aria-labelledby": this.id("article-title"),
    });

    this.root.classList.add("as");
    this.root.replaceChildren(this.form, this.status, this.layout, this.articleView);

    // Filters start open where there is room for them beside the results, folded on a phone.
    var wide = global.matchMedia ? global.matchMedia("(min-width: 50rem)").matches : true;
    this.filters.open = wide;
  };

  // ------------------------------------------------------------ navigation and history

  ArchiveSearch.prototype.urlFor = function (state) {
    var params = searchParams(state);
    if (state.article) params.set("article", state.article);
    var query = params.toString();
    return global.location.pathname + (query ? "?" + query : "");
  };

  /** Moves to `state`: updates the address bar (push, replace or none), the controls, then searches or reads. */
  ArchiveSearch.prototype.navigate = function (state, mode, extra) {
    this.noteFocus();
    this.state = state;
    this.notice.hidden = true;
    // What the previous view said is not this one's (Back from an article to the start read "Article: ..." still).
    this.announce("");
    if (this.options.syncUrl && mode !== "none") {
      var url = this.urlFor(state);
      var historyState = Object.assign({ archiveSearch: true }, extra || {});
      if (url !== global.location.pathname + global.location.search || mode === "replace") {
        global.history[mode === "replace" ? "replaceState" : "pushState"](historyState, "", url);
      }
    }
    this.shownAddress = global.location.pathname + global.location.search;
    this.syncControls();
    if (state.article) {
      this.showArticle(state.article);
    } else {
      this.showResultsView();
      this.search(mode === "none");
    }
  };

  ArchiveSearch.prototype.onPopState = function () {
    // Only the fragment changed (a link to #main, or Back over one): the view on show is still the one asked for.
    if (global.location.pathname + global.location.search === this.shownAddress) return;
    // Leaving an opened article (the browser's Back): focus returns to its link, as "Back to results" does.
    var leaving = this.state.article;
    if (leaving && !new URLSearchParams(global.location.search).get("article")) this.returnFocusTo = leaving;
    this.openAddress();
  };

  /**
   * A same-page link to the widget moves focus to the control it names: `#<the mount point's id>` ("Skip to search")
   * to the search box, `#<id>-results` to the results' summary heading (the search box while there are none),
   * `#<id>-filters` to the filters, opened. Followed, it would add a history entry and leave focus on a container.
   */
  ArchiveSearch.prototype.onDocumentClick = function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var link = event.target && event.target.closest ? event.target.closest("a[href]") : null;
    var href = link ? link.getAttribute("href") : null;
    var target = null;
    if (this.root.id && href === "#" + this.root.id) target = this.input;
    else if (href === "#" + this.anchor("results")) target = this.layout.hidden ? this.input : this.heading;
    else if (href === "#" + this.anchor("filters")) {
      target = this.layout.hidden ? this.input : this.filterSummary;
      this.filters.open = true;
    }
    if (!target) return;
    event.preventDefault();
    target.focus();
  };

  /** Shows the view in the address bar; an invalid part is left out, said so, and taken out of the address. */
  ArchiveSearch.prototype.openAddress = function () {
    var read = readState(global.location.search);
    this.navigate(read.state, read.dropped.length ? "replace" : "none");
    if (read.dropped.length) {
      setChildren(this.notice, "Not valid, so left out of this address: ", read.dropped.map(function (parts, i) {
        return i > 0 ? ["; "].concat(parts) : parts;
      }), ".");
      this.notice.hidden = false;
    }
  };

  ArchiveSearch.prototype.syncControls = function () {
    if (this.input.value.trim() !== this.state.q) this.input.value = this.state.q;
    this.showSort(shownSort(this.state, null), !!this.state.q);
    this.fromInput.value = this.state.from;
    this.toInput.value = this.state.to;
    this.dateError.hidden = true;
    this.fromInput.removeAttribute("aria-invalid");
    var count = filterCount(this.state);
    this.filterSummary.textContent = count ? "Filters (" + count + " active)" : "Filters";
    this.clearButton.hidden = count === 0;
  };

  /**
   * The Sort box shows `sort` (one of SORTS' values), the order the results are in; `words`: whether the search has
   * words to rank by, without which relevance is disabled and the box described by why.
   */
  ArchiveSearch.prototype.showSort = function (sort, words) {
    this.relevanceOption.disabled = !words;
    this.relevanceOption.textContent = words ? SORTS[0][1] : SORTS[0][1] + " (needs search words)";
    this.sortSelect.value = sort;
    if (words) this.sortSelect.removeAttribute("aria-describedby");
    else this.sortSelect.setAttribute("aria-describedby", this.sortHint.id);
  };

  ArchiveSearch.prototype.submitQuery = function () {
    this.dropSuggestions(); // a slow answer would open the list over the results
    var q = readQuery(this.input.value);
    // A query typed anew is read with spelling again: "Search instead for" applied to the words it was given for.
    var spelling = q === this.state.q ? this.state.spelling : "auto";
    this.navigate(Object.assign({}, this.state, { q: q, spelling: spelling, page: 1, article: "" }), "push");
  };

  ArchiveSearch.prototype.clearFilters = function () {
    var next = Object.assign({}, this.state, { section: [], author: [], year: [], from: "", to: "", page: 1 });
    this.navigate(next, "push");
  };

  ArchiveSearch.prototype.applyDates = function () {
    var from = this.fromInput.value;
    var to = this.toInput.value;
    if (from && to && from > to) {
      this.dateError.textContent = "“From” must be on or before “To”.";
      this.dateError.hidden = false;
      this.fromInput.setAttribute("aria-invalid", "true");
      this.fromInput.setAttribute("aria-describedby", this.id("date-error"));
      this.fromInput.focus();
      return;
    }
    // A date range holds no undated article: "Undated" chosen beside it would list nothing.
    var year = from || to ? this.state.year.filter(function (v) { return v !== UNDATED; }) : this.state.year;
    this.navigate(Object.assign({}, this.state, { year: year, from: from, to: to, page: 1 }), "push");
  };

  /** Same-page links (pager, "did you mean", in-page articles) navigate without reloading; modified clicks don't. */
  ArchiveSearch.prototype.linkTo = function (state, attrs, extra) {
    var self = this;
    var link = h("a", Object.assign({ href: this.urlFor(state) }, attrs || {}));
    link.addEventListener("click", function (event) {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      self.navigate(state, "push", extra);
    });
    return link;
  };

  // ------------------------------------------------------------ requests

  ArchiveSearch.prototype.request = function (path, params, signal) {
    var url = this.options.apiBase + path + (params && params.toString() ? "?" + params.toString() : "");
    var timeout = this.options.requestTimeoutMs;
    var controller = new AbortController();
    var timedOut = false;
    var timer = setTimeout(function () { timedOut = true; controller.abort(); }, timeout);
    if (signal) {
      if (signal.aborted) controller.abort();
      else signal.addEventListener("abort", function () { controller.abort(); }, { once: true });
    }
    return fetch(url, { signal: controller.signal, headers: { Accept: "application/json" }, credentials: "omit" })
      .then(
        function (response) {
          return response.json().then(
            function (body) { return { response: response, body: body }; },
            function () { return { response: response, body: null }; });
        },
        function (error) {
          if (signal && signal.aborted) throw error; // superseded: the caller ignores it
          throw new ApiError(0, timedOut ? "timeout" : "network", String(error && error.message));
        })
      .then(function (answer) {
        if (answer.response.ok && answer.body && typeof answer.body === "object") return answer.body;
        var err = answer.body && answer.body.error;
        throw new ApiError(
          answer.response.ok ? 502 : answer.response.status,
          (err && err.code) || "http_" + answer.response.status,
          (err && typeof err.message === "string" && err.message) || answer.response.statusText || "no details");
      })
      .finally(function () { clearTimeout(timer); });
  };

  function isAbort(error, signal) {
    return (error && error.name === "AbortError") || (signal && signal.aborted);
  }

  // ------------------------------------------------------------ results

  ArchiveSearch.prototype.showResultsView = function () {
    this.articleView.hidden = true;
    this.layout.hidden = false;
    var shown = this.state.q ? "“" + shownQuery(this.state.q) + "”" : filtersTitle(this.state);
    document.title = shown ? plainTitle(shown) + " · " + this.baseTitle : this.baseTitle;
  };

  /**
   * A search by filters alone, named by them ("Section: harbour, council; Published: from 2019-01-01"): every such
   * search had the page's own title, so tabs and history entries could not be told apart (session 56). "" without
   * filters.
   */
  function filtersTitle(state) {
    var parts = [];
    if (state.section.length) parts.push("Section: " + state.section.join(", "));
    if (state.author.length) parts.push("Author: " + state.author.join(", "));
    if (state.from || state.to) {
      parts.push("Published: " + (state.from && state.to ? state.from + " to " + state.to : state.from ? "from " + state.from : "to " + state.to));
    }
    return parts.join("; ");
  }

  ArchiveSearch.prototype.search = function (fromHistory) {
    var self = this;
    var state = this.state;
    if (this.searchController) this.searchController.abort();
    var seq = ++this.searchSeq;
    if (!state.q && !hasFilters(state)) {
      this.setLoading(false);
      this.renderIdle();
      return Promise.resolve();
    }
    var params = searchParams(state);
    params.set("size", String(this.options.pageSize));
    var key = params.toString();
    if (fromHistory && this.cache.has(key)) {
      this.setLoading(false);
      this.renderResults(this.cache.get(key), state);
      return Promise.resolve();
    }
    var controller = new AbortController();
    this.searchController = controller;
    this.setLoading(true);
    return this.request("/search", params, controller.signal).then(
      function (body) {
        if (seq !== self.searchSeq) return;
        self.cache.set(key, body);
        if (self.cache.size > 30) self.cache.delete(self.cache.keys().next().value);
        self.setLoading(false);
        self.renderResults(body, state);
      },
      function (error) {
        if (seq !== self.searchSeq || isAbort(error, controller.signal)) return;
        self.setLoading(false);
        self.renderError(error);
      });
  };

  ArchiveSearch.prototype.setLoading = function (loading) {
    var self = this;
    clearTimeout(this.loadingTimer);
    this.resultsView.setAttribute("aria-busy", loading ? "true" : "false");
    if (loading) {
      // Shown only if the answer takes a moment, so fast searches don't flicker.
      this.loadingTimer = setTimeout(function () {
        self.root.classList.add("as-is-loading");
        self.heading.textContent = "Searching…";
        self.took.textContent = "";
      }, 150);
    } else {
      this.root.classList.remove("as-is-loading");
    }
  };

  ArchiveSearch.prototype.renderIdle = function () {
    var self = this;
    this.lastResponse = null;
    this.heading.textContent = "Search the SomaNet News archive";
    this.sortBox.hidden = true;
    this.took.textContent = "";
    this.list.replaceChildren();
    this.pager.hidden = true;
    this.pageLimit.hidden = true;
    this.didYouMean.hidden = true;
    this.unapplied.hidden = true;
    this.relaxed.hidden = true;
    this.sortNote.hidden = true;
    this.facetBox.replaceChildren();
    this.showMessage("info", [h("p", { text: "Type a name, place or topic and press Enter. Quotes find a phrase (\"central bank\"), a minus excludes a word (-football)." })]);
    this.settleFocus(true);
    var seq = this.searchSeq;
    this.request("/health").then(
      function (health) {
        if (seq !== self.searchSeq || typeof health.documents !== "number") return;
        self.heading.textContent = "Search " + plural(health.documents, "article", "articles");
      },
      function (error) {
        if (seq !== self.searchSeq) return;
        self.renderError(error, "The search service isn't responding right now, so searches may fail. ");
      });
  };

  ArchiveSearch.prototype.showMessage = function (kind, children) {
    this.message.className = "as-message as-message-" + kind;
    this.message.setAttribute("role", kind === "error" ? "alert" : "note");
    this.message.replaceChildren();
    append(this.message, children);
    this.message.hidden = false;
  };

  ArchiveSearch.prototype.renderError = function (error, prefix) {
    var self = this;
    var text = (prefix || "") + userMessage(error);
    // A 400 is the search itself (the API says what): trying it again cannot help.
    var refused = error.status === 400;
    this.heading.textContent = refused ? "This search can't be run" : "Search isn't available";
    this.took.textContent = "";
    this.list.replaceChildren();
    this.pager.hidden = true;
    this.pageLimit.hidden = true;
    this.didYouMean.hidden = true;
    this.unapplied.hidden = true;
    this.relaxed.hidden = true;
    this.sortNote.hidden = true;
    this.showMessage("error", [
      h("p", { text: text }),
      refused ? null : h("button", {
        className: "as-button", type: "button", text: "Try again",
        onclick: function () { self.noteFocus(); self.search(false); },
      }),
    ]);
    this.settleFocus(false);
    this.announce(text);
  };

  ArchiveSearch.prototype.renderResults = function (body, state) {
    var self = this;
    var results = Array.isArray(body.results) ? body.results : [];
    var total = typeof body.total === "number" ? body.total : results.length;
    var size = body.size || this.options.pageSize;
    var page = body.page || state.page;
    var pages = Math.max(1, Math.min(Math.ceil(total / size), MAX_PAGE));
    this.lastResponse = body;
    this.sortBox.hidden = false;
    var sort = shownSort(state, body);
    this.showSort(sort, sort === "relevance" || (typeof body.query === "string" ? !!body.query : !!state.q));

    var focusedFacet = this.facetBox.contains(document.activeElement) ? document.activeElement : null;
    var focusKey = focusedFacet && focusedFacet.dataset ? focusedFacet.dataset.key : null;

    var what = state.q ? [" for “", isolate(shownQuery(state.q)), "”"] : [];
    var pastTheEnd = total > 0 && results.length === 0; // a shared link to a page the results no longer reach
    var copy = function (parts) { return parts.map(function (p) { return typeof p === "string" ? p : p.cloneNode(true); }); };
    if (total === 0) {
      setChildren(this.heading, "No results", copy(what));
    } else if (pastTheEnd) {
      this.heading.textContent = "No results on page " + formatNumber(page);
    } else {
      var first = (page - 1) * size + 1;
      var last = first + results.length - 1;
      setChildren(this.heading, (total > results.length ? formatNumber(first) + "–" + formatNumber(last) + " of " : "")
        + plural(total, "result", "results"), copy(what));
    }
    this.took.textContent = typeof body.took_ms === "number" ? "in " + formatNumber(body.took_ms) + " ms" : "";

    this.renderDidYouMean(body.did_you_mean, state, body.altered_query);
    this.renderUnapplied(body.unapplied_exclusions);
    this.renderRelaxed(body.relaxed_phrases, total);
    this.renderSortNote(state, sort, results);
    this.list.replaceChildren();
    results.forEach(function (result, index) { self.list.appendChild(self.resultItem(result, index)); });

    if (total === 0) {
      var tips = [h("p", null, "No article matches", copy(what), hasFilters(state) ? " with these filters." : ".")];
      if (hasFilters(state)) {
        tips.push(h("button", {
          className: "as-button", type: "button", text: "Search without filters",
          onclick: function () { self.clearFilters(); },
        }));
      } else {
        tips.push(h("p", { text: "Check the spelling, or try fewer or more general words." }));
      }
      this.showMessage("empty", tips);
    } else if (pastTheEnd) {
      this.showMessage("empty", [
        h("p", null, "There are " + plural(total, "result", "results"), copy(what), ", on " + plural(pages, "page", "pages") + "."),
        this.linkTo(Object.assign({}, state, { page: pages }), { className: "as-button", text: "Go to the last page" })]);
    } else {
      this.message.hidden = true;
    }

    this.renderPager(page, pages, state);
    var reachable = MAX_PAGE * size;
    this.pageLimit.hidden = !(total > reachable && !pastTheEnd);
    this.pageLimit.textContent = this.pageLimit.hidden ? "" : "Pages show the first " + formatNumber(reachable)
      + " of the " + formatNumber(total) + " results. To see the others, add a word, choose a section or set dates.";
    this.renderFacets(body.facets, state);
    if (focusKey) {
      var again = this.facetBox.querySelector('[data-key="' + cssEscape(focusKey) + '"]');
      if (again) again.focus();
    }
    if (this.focusResults) {
      this.focusResults = false;
      this.heading.focus({ preventScroll: true });
      this.resultsView.scrollIntoView({ block: "start", behavior: "instant" });
    }
    this.settleFocus(false);
    // The order too when it is by date: words taken away, the order changes with no word of it on the screen reader
    this.announce(this.heading.textContent + (pages > 1 && !pastTheEnd ? ", page " + page + " of " + pages : "")
      + (sort !== "relevance" && results.length ? ", " + sortName(sort).toLowerCase() : ""));
  };

  function cssEscape(value) {
    return global.CSS && CSS.escape ? CSS.escape(value) : String(value).replace(/["\\]/g, "\\$&");
  }

  /** Remembers that focus was in the widget when a redraw began, so `settleFocus` can give it a place afterwards. */
  ArchiveSearch.prototype.noteFocus = function () {
    if (this.root.contains(document.activeElement)) this.refocus = true;
  };

  /**
   * After a redraw: focus returns to the link of the article just left; and when the control that had it is gone
   * (cleared filters, a facet value no longer listed, an article left, a "Try again" that worked), it goes to the
   * summary heading, or to the search box on the first screen, rather than to the page's body.
   */
  ArchiveSearch.prototype.settleFocus = function (firstScreen) {
    var articleId = this.returnFocusTo;
    var refocus = this.refocus;
    this.returnFocusTo = null;
    this.refocus = false;
    var link = articleId && !firstScreen ? this.list.querySelector('[data-article-id="' + cssEscape(articleId) + '"]') : null;
    if (link) {
      link.focus();
      return;
    }
    var active = document.activeElement;
    var lost = !active || active === document.body || (this.root.contains(active) && !!active.closest("[hidden]"));
    if ((articleId || refocus) && lost) (firstScreen ? this.input : this.heading).focus();
  };

  // "Did you mean", or, when the search read a word no article holds as another spelling, what it searched for and a
  // link to search the words as typed (`obama`, which no article held, was read `osama` with no way back).
  ArchiveSearch.prototype.renderDidYouMean = function (dym, state, altered) {
    if (!dym || typeof dym.q !== "string" || !dym.q) {
      if (typeof altered === "string" && altered) {
        var typed = this.linkTo(Object.assign({}, state, { spelling: "as_typed", page: 1 }), { className: "as-typed-link" });
        typed.appendChild(isolate(shownQuery(state.q)));
        setChildren(this.didYouMean,
          "Showing results for ", h("strong", null, isolate(altered)), ". ",
          h("span", { className: "as-typed" }, "Search instead for ", typed, "."));
        this.didYouMean.hidden = false;
      } else {
        this.didYouMean.hidden = true;
      }
      return;
    }
    var link = this.linkTo(Object.assign({}, state, { q: dym.q, page: 1 }), { className: "as-dym-link" });
    link.appendChild(isolate(dym.q));
    setChildren(this.didYouMean,
      "Did you mean ",
      link,
      "?",
      typeof dym.total === "number" ? h("span", { className: "as-dym-count", text: " (" + plural(dym.total, "result", "results") + ")" }) : null);
    this.didYouMean.hidden = false;
  };

  // Exclusions the search could not apply (too many, or too long): their articles may be listed, so say which.
  ArchiveSearch.prototype.renderUnapplied = function (terms) {
    var shown = Array.isArray(terms) ? terms.filter(function (t) { return typeof t === "string" && t; }) : [];
    if (!shown.length) {
      this.unapplied.hidden = true;
      return;
    }
    setChildren(this.unapplied, "Could not apply these exclusions (too many, too long, or in a query of more than 10 words): ", shown.map(function (t, i) {
      return i > 0 ? [", ", isolate(t)] : [isolate(t)];
    }), ".");
    this.unapplied.hidden = false;
  };

  ArchiveSearch.prototype.renderRelaxed = function (phrases, total) {
    var shown = Array.isArray(phrases) ? phrases.filter(function (t) { return typeof t === "string" && t; }) : [];
    if (!shown.length) {
      this.relaxed.hidden = true;
      return;
    }
    var quoted = shown.map(function (t, i) { return [i > 0 ? ", “" : "“", isolate(t), "”"]; });
    var which = shown.length > 1 ? "these phrases" : "the phrase";
    setChildren(this.relaxed, "No article holds " + which + " ", quoted,
      total > 0 ? ": these results hold some of " + (shown.length > 1 ? "their" : "its") + " words." : ".");
    this.relaxed.hidden = false;
  };

  /**
   * A date order of a search of several words lists only the articles holding every word, when some do (the API's
   * rule, docs/search.md), and undated articles come last in no date order: say so, or the count and order changing
   * with the sort go unexplained.
   */
  ArchiveSearch.prototype.renderSortNote = function (state, sort, results) {
    var notes = [];
    if (sort !== "relevance" && results.length) {
      if (requiredUnits(state.q) > 1) {
        notes.push("Sorted by date: only the articles holding every word are listed, when some do (sort by relevance "
          + "to see those holding some of them too).");
      }
      if (!results.some(function (r) { return formatDate(r.published); })) {
        notes.push("None of these articles has a date, so they are in no date order.");
      }
    }
    this.sortNote.textContent = notes.join(" ");
    this.sortNote.hidden = !notes.length;
  };

  ArchiveSearch.prototype.articleLink = function (id, url) {
    var external = safeHref(url);
    if (external) return h("a", { href: external });
    var path = encodePath(id);
    if (this.options.articleUrl && path !== null) {
      var templated = safeHref(this.options.articleUrl.split("{id}").join(path));
      if (templated) return h("a", { href: templated });
    }
    return this.linkTo(Object.assign({}, this.state, { article: id }), null, { fromResults: true });
  };

  ArchiveSearch.prototype.resultItem = function (result, index) {
    var id = String(result.id || "");
    var titleId = this.id("result-" + index);
    var link = this.articleLink(id, result.url);
    link.className = "as-result-link";
    link.setAttribute("data-article-id", id);
    var titleMarks = result.highlights && Array.isArray(result.highlights.title) && result.highlights.title[0];
    link.appendChild(typeof titleMarks === "string" && titleMarks ? isolateMarked(titleMarks) : isolate(result.title || "(untitled)"));

    var meta = h("p", { className: "as-meta" });
    var parts = [];
    // The byline's marks when the search matched it: why an article with no marked word was found (session 53)
    var authorMarks = result.highlights && Array.isArray(result.highlights.author) && result.highlights.author[0];
    if (result.author) {
      var byline = typeof authorMarks === "string" && authorMarks ? isolateMarked(authorMarks) : isolate(result.author);
      parts.push(h("span", { className: "as-author" }, "By ", byline));
    }
    var date = formatDate(result.published);
    if (date) parts.push(h("time", { datetime: date.iso, text: date.text }));
    if (result.section) parts.push(h("span", { className: "as-section" }, isolate(result.section)));
    parts.forEach(function (part, i) {
      if (i > 0) meta.appendChild(h("span", { className: "as-sep", "aria-hidden": "true", text: " · " }));
      meta.appendChild(part);
    });

    var snippet = typeof result.snippet === "string" && result.snippet ? result.snippet : null;
    if (!snippet && result.highlights && Array.isArray(result.highlights.body)) snippet = result.highlights.body.join(" … ");
    return h("li", { className: "as-result" },
      h("article", { "aria-labelledby": titleId },
        h("h3", { id: titleId, className: "as-result-title" }, link),
        parts.length ? meta : null,
        snippet ? appendMarked(h("p", { className: "as-snippet", dir: "auto" }), snippet) : null));
  };

  ArchiveSearch.prototype.renderPager = function (page, pages, state) {
    var self = this;
    if (pages <= 1 || page > pages) { // past the last page, the message leads back
      this.pager.hidden = true;
      this.pager.replaceChildren();
      return;
    }
    var go = function (target, label, rel) {
      var arrow = h("span", { "aria-hidden": "true", text: rel === "prev" ? "‹" : "›" });
      var words = h("span", null, label, h("span", { className: "as-vh", text: " page" }));
      var content = rel === "prev" ? [arrow, words] : [words, arrow];
      if (target < 1 || target > pages) {
        return h("span", { className: "as-button as-pager-link", "aria-disabled": "true" }, content);
      }
      var link = self.linkTo(Object.assign({}, state, { page: target }), { className: "as-button as-pager-link", rel: rel });
      append(link, content);
      link.addEventListener("click", function () { self.focusResults = true; });
      return link;
    };
    setChildren(this.pager,
      go(page - 1, "Previous", "prev"),
      h("span", { className: "as-page-of", text: "Page " + page + " of " + pages }),
      go(page + 1, "Next", "next"));
    this.pager.hidden = false;
  };

  ArchiveSearch.prototype.renderFacets = function (facets, state) {
    var self = this;
    this.facetBox.replaceChildren();
    if (!facets || typeof facets !== "object") return;
    FACETS.forEach(function (facet) {
      var name = facet[0];
      // The API lists the selected values too (at zero if need be) and marks them: its folding of case and accents
      // decides, so "José Núñez" in the address selects the value it shows as "Jose Nunez".
      var buckets = (Array.isArray(facets[name]) ? facets[name] : []).filter(function (b) {
        return b && b.value !== null && b.value !== undefined && b.value !== "";
      });
      if (!buckets.length) return;
      var selectedValues = buckets.filter(function (b) { return b.selected === true; }).map(function (b) { return String(b.value); });

      var legendId = self.id("facet-" + name);
      var list = h("ul", { className: "as-facet-list", "aria-labelledby": legendId });
      var limit = self.expandedFacets[name] ? buckets.length : self.options.facetLimit;
      var hidden = 0;
      buckets.forEach(function (bucket, index) {
        var value = String(bucket.value);
        var selected = bucket.selected === true;
        if (index >= limit && !selected) {
          hidden += 1;
          return;
        }
        var count = typeof bucket.count === "number" ? bucket.count : null;
        var label = name === "year" && value === UNDATED ? "Undated" : value;
        var accessibleName = count === null ? label : label + ", " + formatNumber(count) + (count === 1 ? " article" : " articles");
        list.appendChild(h("li", null, h("button", {
          type: "button", className: "as-facet", "aria-pressed": selected ? "true" : "false", "aria-label": accessibleName,
          "data-key": name + ":" + value, "data-facet": name, "data-value": value,
          onclick: function () { self.toggleFacet(name, value, selected ? chosenFor(value, state[name] || [], selectedValues) : null); },
        },
          isolate(label, { className: "as-facet-value" }),
          count === null ? null : h("span", { className: "as-facet-count", text: formatNumber(count) }))));
      });
      var group = h("div", {
        className: "as-facet-group", role: "toolbar", "aria-labelledby": legendId,
        "aria-describedby": self.id("facet-hint"),
      },
        h("h3", { id: legendId, className: "as-facet-title", text: facet[1] }), list);
      var expanded = !!self.expandedFacets[name];
      if (hidden > 0 || (expanded && buckets.length > self.options.facetLimit)) {
        group.appendChild(h("button", {
          type: "button", className: "as-button as-button-quiet as-facet-more", "aria-expanded": expanded ? "true" : "false",
          "data-key": name + ":*more",
          // The API lists only its top values and does not say how many more exist: "all" would overclaim.
          text: expanded ? "Show fewer" : "Show " + hidden + " more",
          onclick: function () {
            self.expandedFacets[name] = !expanded;
            self.renderFacets(facets, state);
            var more = self.facetBox.querySelector('[data-key="' + name + ':*more"]');
            if (more) more.focus();
          },
        }));
      }
      roveFocus(group);
      self.facetBox.appendChild(group);
    });
  };

  /**
   * Makes a facet's buttons one Tab stop, as an ARIA toolbar: the arrow keys, Home and End move among them (session 56:
   * the facets were some 20 stops). The stop is the pressed value or the first, then whichever was last focused.
   */
  function roveFocus(group) {
    var buttons = function () { return Array.prototype.slice.call(group.querySelectorAll("button")); };
    var start = group.querySelector('[aria-pressed="true"]') || buttons()[0];
    buttons().forEach(function (b) { b.tabIndex = b === start ? 0 : -1; });
    group.addEventListener("focusin", function (event) {
      buttons().forEach(function (b) { b.tabIndex = b === event.target ? 0 : -1; });
    });
    group.addEventListener("keydown", function (event) {
      var list = buttons();
      var at = list.indexOf(event.target);
      var to = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: list.length - 1 }[event.key];
      if (at < 0 || to === undefined || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      list[(to + list.length) % list.length].focus();
    });
  }

  /** `unchosen`: for a selected value, the filter values it stands for, to drop; null to add `value`. */
  ArchiveSearch.prototype.toggleFacet = function (name, value, unchosen) {
    var next = Object.assign({}, this.state, { page: 1 });
    if (name === "year" && unchosen && this.state.year.indexOf(value) >= 0) {
      next.year = this.state.year.filter(function (v) { return v !== value; });
    } else if (name === "year" && !unchosen && value === UNDATED) {
      // One choice in the year facet, as choosing a year replaces another; and a date range holds no undated article.
      next.year = [UNDATED];
      next.from = next.to = "";
    } else if (name === "year") {
      var bounds = unchosen ? { from: "", to: "" } : yearWithin(yearBounds(value), this.state);
      next.from = bounds.from;
      next.to = bounds.to;
      if (!unchosen) next.year = [];
    } else if (unchosen) {
      next[name] = this.state[name].filter(function (v) { return unchosen.indexOf(v) < 0; });
    } else {
      next[name] = this.state[name].concat([value]);
    }
    this.navigate(next, "push");
  };

  ArchiveSearch.prototype.announce = function (text) {
    // Cleared first so that the same words are announced again; a newer announcement replaces one still pending.
    var status = this.status;
    status.textContent = "";
    clearTimeout(this.announcing);
    this.announcing = setTimeout(function () { status.textContent = text; }, 50);
  };

  // ------------------------------------------------------------ suggestions (ARIA 1.2 combobox + listbox)

  ArchiveSearch.prototype.onInput = function () {
    var self = this;
    var value = this.input.value.trim();
    this.dropSuggestions(); // they were suggested for the text before this keystroke
    if (value.length < this.options.minSuggestChars || value.length > MAX_SUGGEST) return;
    this.suggestTimer = setTimeout(function () { self.fetchSuggestions(value); }, this.options.debounceMs);
  };

  ArchiveSearch.prototype.fetchSuggestions = function (q) {
    var self = this;
    if (this.suggestController) this.suggestController.abort(); // a stale request is cancelled, not just ignored
    var controller = new AbortController();
    this.suggestController = controller;
    var seq = ++this.suggestSeq;
    var params = new URLSearchParams({ q: q });
    return this.request("/suggest", params, controller.signal).then(
      function (body) {
        if (seq !== self.suggestSeq || self.input.value.trim() !== q || document.activeElement !== self.input) return;
        self.renderSuggestions(Array.isArray(body.suggestions) ? body.suggestions.slice(0, 8) : [], suggestNote(body));
      },
      function () {
        // Suggestions are a convenience: when they fail, the search box still works.
        if (seq === self.suggestSeq) self.closeSuggestions();
      });
  };

  /**
   * What the list says above its titles when the API matched them against other words than typed (/suggest's
   * words_not_in_titles and altered_query): "No title has “tony”: articles that mention it", "Titles for “mourinho”".
   * Empty when it matched the text as typed, or the answer says nothing of it.
   */
  function suggestNote(body) {
    var left = Array.isArray(body && body.words_not_in_titles) ? body.words_not_in_titles.filter(function (w) {
      return typeof w === "string" && w;
    }) : [];
    if (left.length) {
      var quoted = left.map(function (w) { return "“" + w + "”"; }).join(", ");
      return "No title has " + quoted + ": articles that mention " + (left.length > 1 ? "them" : "it");
    }
    if (body && typeof body.altered_query === "string" && body.altered_query) return "Titles for “" + body.altered_query + "”";
    return "";
  }

  ArchiveSearch.prototype.renderSuggestions = function (suggestions, note) {
    var self = this;
    this.suggestions = suggestions.filter(function (s) { return s && (s.id || s.title); });
    this.activeSuggestion = -1;
    this.input.removeAttribute("aria-activedescendant");
    this.listbox.replaceChildren();
    // Shown above the titles (CSS, from data-note) and given as the list's name, so a screen reader says it too.
    if (note) {
      this.listbox.setAttribute("data-note", note);
      this.listbox.setAttribute("aria-label", "Suggestions. " + note);
    } else {
      this.listbox.removeAttribute("data-note");
      this.listbox.setAttribute("aria-label", "Suggestions");
    }
    if (!this.suggestions.length) {
      this.closeSuggestions();
      // The last list's "3 suggestions" no longer holds (session 48's new user heard it after an empty list).
      this.announce("");
      return;
    }
    this.suggestions.forEach(function (suggestion, index) {
      var option = h("li", {
        id: self.id("option-" + index), className: "as-option", role: "option", "aria-selected": "false",
        onmousedown: function (event) { event.preventDefault(); }, // keep focus in the input
        onclick: function () { self.chooseSuggestion(index); },
      });
      if (typeof suggestion.highlighted === "string" && suggestion.highlighted) option.appendChild(isolateMarked(suggestion.highlighted));
      else option.appendChild(isolate(suggestion.title || suggestion.id));
      self.listbox.appendChild(option);
    });
    this.listbox.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
    this.announce(plural(this.suggestions.length, "suggestion", "suggestions") + (note ? " (" + note + ")" : "") +
      ": use the up and down arrows to choose.");
  };

  /** Forgets the suggestions listed and any on their way, so none of them can be opened any more. */
  ArchiveSearch.prototype.dropSuggestions = function () {
    if (this.suggestController) this.suggestController.abort();
    this.suggestSeq++;
    this.closeSuggestions();
    this.suggestions = [];
    this.listbox.replaceChildren();
  };

  ArchiveSearch.prototype.closeSuggestions = function () {
    clearTimeout(this.suggestTimer);
    this.listbox.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.setActiveSuggestion(-1); // unmarks the active option too, or reopening marks a second one
  };

  ArchiveSearch.prototype.setActiveSuggestion = function (index) {
    var options = this.listbox.children;
    if (this.activeSuggestion >= 0 && options[this.activeSuggestion]) {
      options[this.activeSuggestion].setAttribute("aria-selected", "false");
      options[this.activeSuggestion].classList.remove("as-option-active");
    }
    this.activeSuggestion = index;
    if (index < 0) {
      this.input.removeAttribute("aria-activedescendant");
      return;
    }
    var option = options[index];
    option.setAttribute("aria-selected", "true");
    option.classList.add("as-option-active");
    this.input.setAttribute("aria-activedescendant", option.id);
    option.scrollIntoView({ block: "nearest" });
  };

  ArchiveSearch.prototype.onKeyDown = function (event) {
    // Keys that confirm or cancel an input method's composition (Enter, Escape) belong to the input method.
    if (event.isComposing || event.keyCode === 229) return;
    var open = !this.listbox.hidden && this.suggestions.length > 0;
    var count = this.suggestions.length;
    switch (event.key) {
      case "ArrowDown":
        if (!count) return;
        event.preventDefault();
        if (!open) {
          this.listbox.hidden = false;
          this.input.setAttribute("aria-expanded", "true");
          this.setActiveSuggestion(0);
        } else {
          this.setActiveSuggestion(this.activeSuggestion + 1 >= count ? 0 : this.activeSuggestion + 1);
        }
        break;
      case "ArrowUp":
        if (!open) return;
        event.preventDefault();
        this.setActiveSuggestion(this.activeSuggestion <= 0 ? count - 1 : this.activeSuggestion - 1);
        break;
      case "Enter":
        if (open && this.activeSuggestion >= 0) {
          event.preventDefault();
          this.chooseSuggestion(this.activeSuggestion);
        }
        break; // otherwise the form submits the query
      case "Escape":
        if (open) {
          event.preventDefault();
          this.closeSuggestions();
        } else if (this.input.value) {
          event.preventDefault();
          this.input.value = "";
          this.dropSuggestions();
        }
        break;
      case "Tab":
        this.closeSuggestions();
        break;
      default:
    }
  };

  /** A suggestion is an article: choosing one opens it (its link, the article template, or the in-page reader). */
  ArchiveSearch.prototype.chooseSuggestion = function (index) {
    var suggestion = this.suggestions[index];
    this.closeSuggestions();
    if (!suggestion) return;
    if (!suggestion.id) {
      this.input.value = suggestion.title;
      this.submitQuery();
      return;
    }
    var link = this.articleLink(String(suggestion.id), suggestion.url);
    if (link.getAttribute("href") && (suggestion.url || this.options.articleUrl)) {
      global.location.assign(link.getAttribute("href"));
      return;
    }
    this.navigate(Object.assign({}, this.state, { article: String(suggestion.id) }), "push", { fromResults: false });
  };

  // ------------------------------------------------------------ the in-page article reader

  ArchiveSearch.prototype.showArticle = function (id) {
    var self = this;
    if (this.searchController) this.searchController.abort();
    this.searchSeq++;
    this.setLoading(false);
    this.closeSuggestions();
    this.layout.hidden = true;
    this.articleView.hidden = false;
    var back = this.backLink();
    var title = h("h2", { id: this.id("article-title"), className: "as-article-title", tabindex: "-1", text: "Loading the article…" });
    this.articleView.setAttribute("aria-busy", "true");
    this.articleView.replaceChildren(back, title);
    this.refocus = false; // the article takes it
    // The article, named by its title, not the title: the back link comes before the title, and the next Tab from
    // the title went past it to the page's footer (session 53's new user).
    this.articleView.focus({ preventScroll: true });
    global.scrollTo(0, this.root.getBoundingClientRect().top + global.scrollY - 8);
    var seq = ++this.articleSeq;
    var path = encodePath(id);
    var answer = path === null ? Promise.reject(new ApiError(404, "not_found", "no such article")) : this.request("/articles/" + path);
    answer.then(
      function (article) {
        if (seq !== self.articleSeq || self.state.article !== id) return;
        self.renderArticle(article, back, title);
      },
      function (error) {
        if (seq !== self.articleSeq || self.state.article !== id) return;
        self.articleView.setAttribute("aria-busy", "false");
        title.textContent = error.status === 404 ? "Article not found" : "The article couldn't be loaded";
        var text = error.status === 404 ? "This article is not in the archive (any more)." : userMessage(error);
        self.articleView.appendChild(h("div", { className: "as-message as-message-error", role: "alert" },
          h("p", { text: text }),
          error.status === 404 || error.status === 400 ? null : h("button", {
            className: "as-button", type: "button", text: "Try again",
            onclick: function () { self.showArticle(id); },
          })));
        self.announce(title.textContent + ". " + text);
      });
  };

  ArchiveSearch.prototype.backLink = function () {
    var self = this;
    var results = Object.assign({}, this.state, { article: "" });
    var openedId = this.state.article;
    var cameFromResults = !!(global.history.state && global.history.state.fromResults);
    var hasSearch = !!(results.q || hasFilters(results));
    var link = h("a", { className: "as-back", href: this.urlFor(results), text: hasSearch ? "‹ Back to results" : "‹ Search the archive" });
    link.addEventListener("click", function (event) {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      self.returnFocusTo = openedId;
      if (self.options.syncUrl && cameFromResults) global.history.back();
      else self.navigate(results, "push");
    });
    return link;
  };

  ArchiveSearch.prototype.renderArticle = function (article, back, title) {
    this.articleView.setAttribute("aria-busy", "false");
    setChildren(title, isolate(article.title || "(untitled)"));
    document.title = plainTitle(article.title || "Article") + " · " + this.baseTitle;
    var meta = h("p", { className: "as-meta" });
    var parts = [];
    if (article.author) parts.push(h("span", { className: "as-author" }, "By ", isolate(article.author)));
    var date = formatDate(article.published);
    if (date) parts.push(h("time", { datetime: date.iso, text: date.text }));
    if (article.section) parts.push(h("span", { className: "as-section" }, isolate(article.section)));
    parts.forEach(function (part, i) {
      if (i > 0) meta.appendChild(h("span", { className: "as-sep", "aria-hidden": "true", text: " · " }));
      meta.appendChild(part);
    });
    var body = h("div", { className: "as-article-body" });
    String(article.body || article.summary || "").split(/\n\s*\n/).forEach(function (paragraph) {
      var text = paragraph.trim();
      // Its own direction (Hebrew, Arabic), as titles have in <bdi>: a right-to-left paragraph was laid out left to
      // right, "ו-123" shown "123-ו" (session 48's new user).
      if (text) body.appendChild(h("p", { text: text, dir: "auto" }));
    });
    var extras = [];
    if (article.credit) extras.push(h("p", { className: "as-credit" }, "(", isolate(article.credit), ")"));
    if (Array.isArray(article.tags) && article.tags.length) {
      extras.push(h("p", { className: "as-tags" }, "Tags: ", article.tags.map(function (tag, i) {
        return [i > 0 ? ", " : null, isolate(tag)];
      })));
    }
    var source = safeHref(article.url);
    if (source) extras.push(h("p", null, h("a", { href: source, rel: "noopener", text: "Original page" })));
    // The title keeps its place (and the focus it was given while loading); the rest goes after it.
    while (title.nextSibling) title.nextSibling.remove();
    append(this.articleView, [parts.length ? meta : null, body, extras]);
    this.announce("Article: " + title.textContent);
  };

  ArchiveSearch.prototype.destroy = function () {
    global.removeEventListener("popstate", this.onPopState);
    document.removeEventListener("click", this.onDocumentClick);
    if (this.searchController) this.searchController.abort();
    if (this.suggestController) this.suggestController.abort();
    clearTimeout(this.suggestTimer);
    clearTimeout(this.loadingTimer);
    this.root.replaceChildren();
    this.root.classList.remove("as");
  };

  // ---------------------------------------------------------------- public API and auto-mount

  function optionsFromDataset(element) {
    var data = element.dataset;
    var options = {};
    if (data.apiBase !== undefined) options.apiBase = data.apiBase;
    if (data.articleUrl) options.articleUrl = data.articleUrl;
    if (data.pageSize && +data.pageSize >= 1 && +data.pageSize <= 50) options.pageSize = +data.pageSize;
    if (data.syncUrl === "false") options.syncUrl = false;
    return options;
  }

  function mount(element, options) {
    if (typeof element === "string") element = document.querySelector(element);
    if (!element) throw new Error("ArchiveSearch.mount: no element to mount on");
    if (element.archiveSearch) return element.archiveSearch;
    var widget = new ArchiveSearch(element, Object.assign(optionsFromDataset(element), options || {}));
    element.archiveSearch = widget;
    return widget;
  }

  function mountAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-archive-search]"), function (element) {
      mount(element);
    });
  }

  global.ArchiveSearch = {
    mount: mount,
    version: "1.0.0",
    // Exposed for tests and for sites that render highlighted text themselves.
    appendMarked: appendMarked,
    decodeEntities: decodeEntities,
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})(window);
