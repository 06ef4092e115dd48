// state is the document's address, title and load state.
function (P) {
  return { url: location.href, title: document.title, ready: document.readyState };
}
