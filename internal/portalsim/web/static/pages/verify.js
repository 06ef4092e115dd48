simPage({
  data: function () {
    return {
      status: SIM.status,
      qrSrc: '/apply/' + SIM.app.id + '/verify/qr.png',
      form: { code: SIM.status.code || '' },
      rules: {
        code: [
          { required: true, message: '请输入授权码', trigger: 'blur' },
          { pattern: /^\d{8}$/, message: '授权码应为8位数字', trigger: 'blur' }
        ]
      },
      timer: null
    };
  },
  computed: {
    state: function () {
      return this.status.code_done ? 'done' : (this.status.face_done ? 'face-done' : 'waiting');
    },
    statusClass: function () { return 'is-' + this.state; },
    statusText: function () {
      if (this.status.code_done) return '认证完成，已获取出入境记录';
      if (this.status.skipped) return '已选择自行上传出入境记录';
      if (this.status.face_done && SIM.oldVerify) return '实人认证已通过，请点击“已完成实人认证，获取出入境记录”';
      if (this.status.face_done) return '实人认证已通过，请输入移民局12367授权码';
      return '等待扫码：请在手机上完成实人认证';
    }
  },
  mounted: function () {
    if (!this.status.code_done) this.poll();
  },
  beforeDestroy: function () { clearTimeout(this.timer); },
  methods: {
    // poll asks the server until the person has finished both steps.
    poll: function () {
      var self = this;
      this.timer = setTimeout(function () {
        self.api('GET', '/api/applications/' + SIM.app.id + '/verify').then(function (st) {
          self.apply(st);
          if (!st.code_done && !st.skipped) self.poll();
        }, function () { self.poll(); });
      }, 700);
    },
    apply: function (st) {
      this.status = st;
      if (st.skipped) { location.href = SIM.nextURL; return; }
      if (st.code_done && st.code) this.form.code = st.code;
    },
    // skip is the person's way out without records (never a tool's).
    skip: function (question) {
      var self = this;
      this.$confirm(question, '提示', { confirmButtonText: '确定', cancelButtonText: '取消', type: 'warning', customClass: 'skip-confirm' }).then(function () {
        self.api('POST', '/api/applications/' + SIM.app.id + '/verify/skip', {}).then(function (r) { location.href = r.redirect; });
      }, function () {});
    },
    fetchRecords: function () {
      var self = this;
      self.saving = true;
      self.api('POST', '/api/applications/' + SIM.app.id + '/verify/fetch', {}).then(function (st) {
        self.saving = false;
        self.apply(st);
      }, function () { self.saving = false; });
    },
    sendCode: function () {
      var self = this;
      this.$refs.form.validate(function (valid) {
        if (!valid) return;
        self.saving = true;
        self.api('POST', '/api/applications/' + SIM.app.id + '/verify/code', { code: self.form.code }).then(function (st) {
          self.saving = false;
          self.apply(st);
          self.$message({ type: 'success', message: '授权成功，已获取出入境记录' });
        }, function () { self.saving = false; });
      });
    }
  }
});
