// Dossier: the reader's search. Pagefind's index (pagefind/ in the site, written after the
// build) inside Material's own search box. The theme draws its box only for its own search
// plugin, whose index is one file of megabytes, so this script puts the same markup into the
// header: the theme's styles give it the theme's look in light and dark, and the results are
// drawn with the theme's result classes. Entity pages come first for their names and aliases
// (their weights are in the pages); results filter by type. Nothing leaves the site's host.
(function () {
  "use strict";
  var script = document.currentScript;
  var header = document.querySelector(".md-header__inner");
  var toggle = document.querySelector('input[data-md-toggle="search"]');
  if (!script || !header || !toggle || header.querySelector(".md-search")) return;
  var root = new URL("../../", script.src); // this file is assets/dossier/search.js
  var PAGE = 10; // results drawn at a time
  var TYPES = ["person", "country", "forum", "issue", "organization", "event", "article"];
  // Boosts for a query word found in a page's metadata: the title (Pagefind's default), then
  // the other names an entity goes by; the summary and description count as the text they
  // also are, not twice.
  var RANKING = { metaWeights: { title: 5.0, aliases: 2.0, summary: 0.0, description: 0.0 } };
  // Pagefind ranks "Korean Peninsula security" above "Korea" for "Korea", and the ministry
  // "... of China" above China: among this many best results, a page whose name or alias is
  // the query itself comes first.
  var EXACT_WINDOW = 20;
  var ICONS = {
    magnify:
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>',
    back: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"><path d="M20 11v2H8l5.5 5.5-1.42 1.42L4.16 12l7.92-7.92L13.5 5.5 8 11z"/></svg>',
    close:
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"><path d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"/></svg>',
  };
  var words = translations();

  // --- the theme's markup (partials/search.html), without its search plugin's hooks ---------
  var button = element("label", "md-header__button md-icon", ICONS.magnify);
  button.htmlFor = "__search";
  button.title = words.search;
  var dialog = element(
    "div",
    "md-search",
    '<label class="md-search__overlay" for="__search"></label>' +
      '<div class="md-search__inner" role="search">' +
      '<form class="md-search__form" name="search">' +
      '<input type="text" class="md-search__input" name="query" autocapitalize="off" autocorrect="off" autocomplete="off" spellcheck="false" required>' +
      '<label class="md-search__icon md-icon" for="__search">' + ICONS.magnify + ICONS.back + "</label>" +
      '<nav class="md-search__options"><button type="reset" class="md-search__icon md-icon" tabindex="-1">' + ICONS.close + "</button></nav>" +
      "</form>" +
      '<div class="md-search__output"><div class="md-search__scrollwrap" tabindex="0">' +
      '<div class="md-search-result" data-dossier-state="idle">' +
      '<div class="md-search-result__meta"></div>' +
      '<div class="dossier-search-filters" role="group" hidden></div>' +
      '<ol class="md-search-result__list" role="presentation"></ol>' +
      "</div></div></div></div>"
  );
  dialog.setAttribute("role", "dialog");
  dialog.setAttribute("aria-label", words.search);
  var form = dialog.querySelector("form");
  var input = dialog.querySelector(".md-search__input");
  var reset = dialog.querySelector("button[type=reset]");
  var result = dialog.querySelector(".md-search-result");
  var meta = dialog.querySelector(".md-search-result__meta");
  var filters = dialog.querySelector(".dossier-search-filters");
  var list = dialog.querySelector(".md-search-result__list");
  input.placeholder = words.search;
  input.setAttribute("aria-label", words.search);
  reset.title = words.reset;
  reset.setAttribute("aria-label", words.reset);
  filters.setAttribute("aria-label", words.filter);
  meta.textContent = words.placeholder;
  var source = header.querySelector(".md-header__source");
  header.insertBefore(button, source);
  header.insertBefore(dialog, source);

  // --- Pagefind -------------------------------------------------------------------------------
  var pagefind = null;
  var loading = null;
  function load() {
    if (!loading) {
      result.setAttribute("data-dossier-state", "loading");
      loading = import(new URL("pagefind/pagefind.js", root).href)
        .then(function (module) {
          return module
            .options({ baseUrl: root.pathname, excerptLength: 24, ranking: RANKING })
            .then(function () {
              return module.init();
            })
            .then(function () {
              return module.filters(); // loads the filter index, so results count per type
            })
            .then(function () {
              pagefind = module;
              result.setAttribute("data-dossier-state", "ready");
            });
        })
        .catch(function () {
          result.setAttribute("data-dossier-state", "unavailable");
          meta.textContent = words.unavailable;
        });
    }
    return loading;
  }

  var generation = 0; // the latest query's number: an older answer is dropped
  var shown = PAGE;
  var kind = null; // the type filter, or null for all
  function run() {
    var query = input.value.trim();
    var mine = ++generation;
    if (!query) {
      list.innerHTML = "";
      filters.hidden = true;
      meta.textContent = pagefind || !loading ? words.placeholder : meta.textContent;
      result.setAttribute("data-dossier-query", "");
      return;
    }
    load().then(function () {
      if (!pagefind || mine !== generation) return;
      var options = kind ? { filters: { type: kind } } : {};
      return pagefind.debouncedSearch(query, options, 100).then(function (search) {
        if (search === null || mine !== generation) return;
        var best = search.results.slice(0, Math.max(shown, EXACT_WINDOW));
        return Promise.all(
          best.map(function (r) {
            return r.data();
          })
        ).then(function (data) {
          if (mine === generation) draw(query, search, named(query, data).slice(0, shown));
        });
      });
    });
  }

  // --- results, in the theme's classes --------------------------------------------------------
  function draw(query, search, data) {
    var total = search.results.length;
    meta.textContent =
      total === 0 ? words.none : total === 1 ? words.one : words.other.replace("#", total);
    drawFilters(search);
    list.innerHTML = "";
    data.forEach(function (page) {
      list.appendChild(item(page, query));
    });
    if (total > data.length) {
      var more = element("li", "dossier-search-more");
      var next = element("button", "md-button");
      next.type = "button";
      next.textContent = words.more.replace("#", Math.min(PAGE, total - data.length));
      next.addEventListener("click", function () {
        shown += PAGE;
        run();
      });
      more.appendChild(next);
      list.appendChild(more);
    }
    result.setAttribute("data-dossier-query", query);
    result.setAttribute("data-dossier-filter", kind || "");
  }

  function item(page, query) {
    var type = (page.filters && page.filters.type && page.filters.type[0]) || "";
    var li = element("li", "md-search-result__item");
    var link = element("a", "md-search-result__link");
    link.href = page.url;
    link.tabIndex = -1;
    var article = element("article", "md-search-result__article md-typeset");
    article.appendChild(element("div", "md-search-result__icon md-icon"));
    var title = element("h1");
    title.textContent = page.meta.title || page.url;
    article.appendChild(title);
    var summary = page.meta.summary || type;
    if (summary) article.appendChild(text("p", "dossier-search-summary", summary));
    var aliases = matching(page.meta.aliases, query, page.meta.title || "");
    if (aliases.length) {
      var aka = element("p", "dossier-search-aliases", escapeHtml(words.aka) + " ");
      aliases.forEach(function (alias, i) {
        if (i) aka.appendChild(document.createTextNode(", "));
        aka.appendChild(text("mark", "", alias));
      });
      article.appendChild(aka);
    }
    if (page.meta.description) {
      article.appendChild(text("p", "", clip(page.meta.description, 220)));
    } else if (!page.meta.summary && page.excerpt) {
      article.appendChild(element("p", "", page.excerpt)); // Pagefind escapes it, then marks
    }
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }

  function drawFilters(search) {
    var counts = (search.totalFilters && search.totalFilters.type) || {};
    var names = Object.keys(counts).filter(function (name) {
      return counts[name] > 0 || name === kind;
    });
    names.sort(function (a, b) {
      return rank(a) - rank(b) || a.localeCompare(b);
    });
    filters.innerHTML = "";
    filters.hidden = names.length < 2 && !kind;
    if (filters.hidden) return;
    var all = search.unfilteredResultCount;
    filters.appendChild(chip(null, words.all, all));
    names.forEach(function (name) {
      filters.appendChild(chip(name, name, counts[name]));
    });
  }

  function chip(value, label, count) {
    var b = element("button", "dossier-search-filter");
    b.type = "button";
    b.textContent = label + " " + count;
    b.setAttribute("aria-pressed", String(kind === value));
    b.setAttribute("data-dossier-type", value || "");
    b.addEventListener("click", function () {
      kind = value;
      shown = PAGE;
      run();
      input.focus();
    });
    return b;
  }

  // --- opening, closing, keys ---------------------------------------------------------------
  function open() {
    if (!toggle.checked) toggle.checked = true;
    load();
  }
  function close() {
    toggle.checked = false;
    input.blur();
  }
  input.addEventListener("focus", open);
  input.addEventListener("input", function () {
    shown = PAGE;
    run();
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      load();
      setTimeout(function () {
        input.focus();
      }, 50);
    } else {
      input.blur();
    }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector(".md-search-result__link");
    if (first) first.click();
  });
  form.addEventListener("reset", function () {
    setTimeout(function () {
      kind = null;
      run();
      input.focus();
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var typing =
      target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (!toggle.checked) {
      if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) {
        event.preventDefault();
        open();
        input.focus();
      }
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      var links = [input].concat(
        Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link"))
      );
      var at = links.indexOf(document.activeElement);
      var step = event.key === "ArrowDown" ? 1 : -1;
      var next = links[(Math.max(at, 0) + step + links.length) % links.length];
      event.preventDefault();
      next.focus();
    }
  });

  // --- helpers --------------------------------------------------------------------------------
  function translations() {
    var out = {
      search: "Search",
      reset: "Clear",
      filter: "Filter by type",
      placeholder: "Type to start searching",
      none: "No matching documents",
      one: "1 matching document",
      other: "# matching documents",
      more: "# more",
      all: "all",
      aka: "also known as",
      unavailable: "Search is not available: this site was built without its search index.",
    };
    var config = document.getElementById("__config");
    try {
      var t = JSON.parse(config.textContent).translations || {};
      out.placeholder = t["search.result.placeholder"] || out.placeholder;
      out.none = t["search.result.none"] || out.none;
      out.one = t["search.result.one"] || out.one;
      out.other = t["search.result.other"] || out.other;
    } catch (e) {
      /* no theme config: the English defaults */
    }
    return out;
  }
  function element(tag, className, html) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (html) el.innerHTML = html; // only this script's own markup, never a page's text
    return el;
  }
  function text(tag, className, value) {
    var el = element(tag, className);
    el.textContent = value;
    return el;
  }
  function escapeHtml(value) {
    var el = document.createElement("span");
    el.textContent = value;
    return el.innerHTML;
  }
  function clip(value, length) {
    return value.length <= length ? value : value.slice(0, length).replace(/\s+\S*$/, "") + " …";
  }
  function rank(type) {
    var at = TYPES.indexOf(type);
    return at < 0 ? TYPES.length : at;
  }
  // The pages named by the query (title, title without its acronym, the acronym, an alias)
  // first, the rest in Pagefind's order.
  function named(query, data) {
    var wanted = normal(query);
    var exact = [];
    var rest = [];
    data.forEach(function (page) {
      var title = page.meta.title || "";
      var names = [title, title.replace(/\s*\(([^)]*)\)$/, ""), (title.match(/\(([^)]*)\)$/) || [])[1]];
      names = names.concat(page.meta.aliases ? page.meta.aliases.split(", ") : []);
      var hit = names.some(function (name) {
        return name && normal(name) === wanted;
      });
      (hit ? exact : rest).push(page);
    });
    return exact.concat(rest);
  }
  function normal(value) {
    return value
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  }
  // The other names that hold a word of the query, the one that is the query first, then
  // those holding the most of its words: a result found by an alias says so.
  function matching(aliases, query, title) {
    if (!aliases) return [];
    var wanted = normal(query);
    var terms = wanted.split(" ");
    var named = normal(title);
    var seen = {};
    return aliases
      .split(", ")
      .map(function (alias) {
        var words = normal(alias).split(" ");
        var hits = terms.filter(function (term) {
          return term && words.indexOf(term) >= 0;
        }).length;
        return { alias: alias, score: normal(alias) === wanted ? terms.length + 1 : hits };
      })
      .filter(function (found) {
        var key = normal(found.alias); // "Mainland China" and "mainland China" are one name
        var fresh = found.score > 0 && key !== named && !seen[key];
        seen[key] = true;
        return fresh;
      })
      .sort(function (a, b) {
        return b.score - a.score;
      })
      .slice(0, 3)
      .map(function (found) {
        return found.alias;
      });
  }
})();
