// detect returns the ids of the page maps whose rule matches.
function (P, rules) {
  return rules.filter(P.matches).map((r) => r.page);
}
