simPage({
  data: function () {
    return {
      form: { username: '', password: '', captcha: '' },
      captchaSrc: '/captcha.png?t=' + Date.now(),
      rules: {
        username: [{ required: true, message: '请输入用户名', trigger: 'blur' }],
        password: [{ required: true, message: '请输入密码', trigger: 'blur' }],
        captcha: [{ required: true, message: '请输入验证码', trigger: 'blur' }]
      }
    };
  },
  mounted: function () {
    if (this.sim.expired) this.$message({ type: 'warning', message: '登录已过期，请重新登录' });
  },
  methods: {
    refreshCaptcha: function () { this.captchaSrc = '/captcha.png?t=' + Date.now(); },
    login: function () {
      var self = this;
      this.$refs.form.validate(function (valid) {
        if (!valid) return;
        self.saving = true;
        self.api('POST', '/api/login', {
          username: self.form.username, password: self.form.password,
          captcha: self.form.captcha, redirect: self.sim.redirect
        }).then(function (r) {
          location.href = r.redirect;
        }, function () {
          self.saving = false;
          self.form.captcha = '';
          if (self.sim.captcha) self.refreshCaptcha();
        });
      });
    }
  }
});
