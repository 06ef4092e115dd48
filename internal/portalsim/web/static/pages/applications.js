simPage({
  data: function () {
    return { apps: SIM.apps, notice: SIM.showNotice };
  }
});
