// check_options returns what this control offers on a saved page (null:
// its options were not saved with it).
function (P, kind) {
  return P.savedOptions(this, kind);
}
