// checkbox_read reads whether this el-checkbox is checked ("true"/"false").
function (P) {
  if (!this.isConnected) return { gone: true };
  const on = this.classList.contains("is-checked") || !!this.querySelector(".el-checkbox__input.is-checked");
  return { value: on ? "true" : "false" };
}
