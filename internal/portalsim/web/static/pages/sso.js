/* 统一用户身份认证系统: the single sign-on page. The slider must be dragged
   to the end (the server hands out a one-time slider token), then 登 录
   sends the account and comes back to lookBackAddr with ?token=…. */
simPage({
  data: function () {
    return {
      tab: 'personal',
      form: { username: '', password: '', remember: false },
      slider: { x: 0, ok: !!SIM.sliderToken, token: SIM.sliderToken || '' },
      rules: {
        username: [{ required: true, message: '用户名不能为空', trigger: 'blur' }],
        password: [{ required: true, message: '密码不能为空', trigger: 'blur' }]
      }
    };
  },
  mounted: function () {
    if (this.slider.ok) this.slider.x = this.maxX();
  },
  methods: {
    maxX: function () { var t = this.$refs.track; return t ? t.clientWidth - 40 : 260; },
    dragStart: function (e) {
      if (this.slider.ok) return;
      var self = this, start = e.clientX, max = this.maxX();
      var move = function (ev) { self.slider.x = Math.max(0, Math.min(max, ev.clientX - start)); };
      var up = function () {
        document.removeEventListener('mousemove', move);
        document.removeEventListener('mouseup', up);
        if (self.slider.x >= max - 2) {
          self.api('POST', '/api/slider', {}).then(function (r) { self.slider.ok = true; self.slider.token = r.token; });
        } else {
          self.slider.x = 0;
        }
      };
      document.addEventListener('mousemove', move);
      document.addEventListener('mouseup', up);
    },
    login: function () {
      var self = this;
      this.$refs.form.validate(function (valid) {
        if (!valid) return;
        if (!self.slider.ok) {
          self.$message({ type: 'warning', message: '请拖动滑动验证' });
          return;
        }
        self.saving = true;
        self.api('POST', '/api/login', {
          username: self.form.username, password: self.form.password, slider: self.slider.token,
          lookBackAddr: SIM.lookBackAddr, joinsysCode: SIM.joinsysCode
        }).then(function (r) { location.href = r.redirect; }, function () {
          self.saving = false;
          self.slider = { x: 0, ok: false, token: '' };
        });
      });
    }
  }
});
