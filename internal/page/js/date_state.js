// date_state waits until this el-date-picker has taken what was typed into
// it (its value is set and no typed text is pending) or refused it (the
// typed text does not parse), and reports its display format.
async function (P, timeoutMs) {
  const el = this;
  const vm = P.vmOf(el, (v) => typeof v.parseString === "function");
  if (!vm) return { known: false };
  return P.until(() => {
    const typed = vm.userInput;
    const taken = typed == null || typed === "";
    const parses = taken || !!vm.parseString(typed);
    return {
      ok: taken || !parses,
      known: true,
      typed: typed == null ? "" : String(typed),
      taken,
      parses,
      format: vm.format || "",
      value: vm.value ? P.norm(vm.formatToString(vm.parsedValue)) : "",
    };
  }, timeoutMs);
}
