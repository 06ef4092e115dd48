simPage({
  data: function () {
    return {
      form: { reason: SIM.reason || '' },
      rules: { reason: [{ required: true, message: '请填写复核理由', trigger: 'blur' }] },
      files: (SIM.files || []).map(function (f) { return { name: f.name, id: f.id, uid: 'srv-' + f.id, status: 'success' }; })
    };
  },
  methods: {
    beforeUpload: function (file) {
      if (!/\.jpe?g$/i.test(file.name)) { this.$message({ type: 'error', message: '复核材料只能上传 JPG 图片' }); return false; }
      if (file.size > 1048576) { this.$message({ type: 'error', message: '复核材料单个文件不能超过 1MB' }); return false; }
      return true;
    },
    exceeded: function () { this.$message({ type: 'error', message: '复核材料最多上传 50 个文件' }); },
    uploaded: function (res, file) { file.id = res.id; this.$message({ type: 'success', message: file.name + ' 上传成功' }); },
    failed: function (err) {
      var msg = '上传失败，请重试';
      try { msg = JSON.parse(err.message).message || msg; } catch (e) {}
      if (err.status === 401) { location.href = simLoginURL(true); return; }
      this.$message({ type: 'error', message: msg, duration: 5000, showClose: true });
    },
    removing: function (file) {
      var id = file.id || (file.response && file.response.id);
      if (!id || file.status !== 'success') return true;
      return this.api('DELETE', '/api/applications/' + SIM.app.id + '/review/files/' + id);
    },
    saveReason: function () {
      var self = this;
      this.$refs.form.validate(function (ok) {
        if (!ok) return;
        self.saving = true;
        self.api('PUT', '/api/applications/' + SIM.app.id + '/review', { reason: self.form.reason }).then(function () {
          self.saving = false;
          self.$message({ type: 'success', message: '保存成功' });
        }, function () { self.saving = false; });
      });
    },
    // submit is for the person only: autofill never clicks it.
    submit: function () {
      var self = this;
      this.saving = true;
      this.api('POST', '/api/applications/' + SIM.app.id + '/review/submit', { reason: this.form.reason }).then(function (r) {
        self.saving = false;
        if (r.redirect) { location.href = r.redirect; return; }
        self.$message({ type: 'info', message: r.message, duration: 4000 });
      }, function () { self.saving = false; });
    }
  }
});
