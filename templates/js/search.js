// Search over the static Pagefind index. Progressive enhancement: the page already lists every
// guide; this shows the search box and, as the reader types, the matching pages. Results are built
// with DOM methods (no HTML strings) so nothing in the index can inject markup.
const box = document.querySelector("[data-search]");
if (box) {
  const input = box.querySelector("input");
  const status = box.querySelector(".search__status");
  const list = box.querySelector(".search__results");
  const more = box.querySelector(".search__more");
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => values[key] ?? "");
  // Each result's text is fetched on demand: the first ten, then ten more at each press of the button.
  const pageSize = 10;
  let pagefind;
  let latest = 0;
  let pending = [];
  box.hidden = false;

  input.addEventListener("input", async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      pending = [];
      more.hidden = true;
      return;
    }
    // On a slow line the first search loads about 200 KB: said when it takes a moment, not at every keystroke.
    const slow = setTimeout(() => ticket === latest && (status.textContent = box.dataset.searchingText), 400);
    let search;
    let results;
    try {
      pagefind ??= await import(new URL("../pagefind/pagefind.js", import.meta.url).href);
      search = await pagefind.search(query);
      results = await Promise.all(search.results.slice(0, pageSize).map((result) => result.data()));
    } catch {
      // The connection dropped: said, with the list below that still works (a failed import is not tried again).
      if (ticket === latest) {
        list.replaceChildren();
        more.hidden = true;
        status.textContent = box.dataset.failedText;
      }
      return;
    } finally {
      clearTimeout(slow);
    }
    if (ticket !== latest) return; // a newer query is on its way
    list.replaceChildren(...results.map(resultItem));
    pending = search.results.slice(pageSize);
    showMoreButton();
    const count = search.results.length;
    status.textContent = fill(box.dataset[count === 0 ? "noResultsText" : count === 1 ? "oneResultText" : "resultsText"], { count, query });
  });

  more.addEventListener("click", async () => {
    const ticket = latest;
    // Taken off the list before waiting: a second click meanwhile gets the next ten, not these again.
    const batch = pending.splice(0, pageSize);
    const next = await Promise.all(batch.map((result) => result.data()));
    if (ticket !== latest) return;
    const items = next.map(resultItem);
    list.append(...items);
    showMoreButton();
    // Keyboard and screen-reader users continue from the first new result.
    items[0]?.querySelector("a")?.focus();
  });

  function showMoreButton() {
    more.hidden = pending.length === 0;
    const count = Math.min(pageSize, pending.length);
    more.textContent = fill(box.dataset[count === 1 ? "oneMoreText" : "moreText"], { count });
  }

  function resultItem(result) {
    const item = document.createElement("li");
    const link = Object.assign(document.createElement("a"), { href: result.url, textContent: result.meta.title });
    const excerpt = document.createElement("p");
    // Pagefind marks matches with <mark>; keep those, as elements, and everything else as text.
    for (const [index, part] of result.excerpt.split(/<\/?mark>/).entries()) {
      // Inside a <p>, so the parser keeps a leading space (before <body> it drops it, gluing words to the mark).
      const text = new DOMParser().parseFromString(`<p>${part}`, "text/html").body.textContent;
      excerpt.append(index % 2 ? Object.assign(document.createElement("mark"), { textContent: text }) : text);
    }
    item.append(link, excerpt);
    return item;
  }
}
