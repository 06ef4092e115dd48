simPage({
  data: function () {
    var self = this;
    var req = function (msg, trigger) { return { required: true, message: msg, trigger: trigger || 'blur' }; };
    return {
      rows: SIM.rows,
      dialog: false,
      editing: null,
      row: this.emptyRow(),
      countryOptions: simCountries(true),
      rules: {
        from: [req('请选择开始时间', 'change')],
        to: [req('请选择结束时间', 'change'), {
          validator: function (r, v, cb) { cb(v && self.row.from && v <= self.row.from ? new Error('结束时间应晚于开始时间') : undefined); },
          trigger: 'change'
        }],
        country: [req('请选择国家/地区', 'change')],
        school: [req('请输入学校名称')],
        level: [req('请选择学历/学位', 'change')]
      }
    };
  },
  methods: {
    emptyRow: function () { return { from: '', to: '', country: '', school: '', major: '', level: '' }; },
    openDialog: function (row) {
      this.editing = row;
      this.row = row ? { from: row.from, to: row.to, country: row.country, school: row.school, major: row.major, level: row.level } : this.emptyRow();
      this.dialog = true;
      var self = this;
      this.$nextTick(function () { if (self.$refs.dialogForm) self.$refs.dialogForm.clearValidate(); });
    },
    resetDialog: function () { this.editing = null; this.row = this.emptyRow(); },
    // saveRow stores the row on the server at once, like the portal.
    saveRow: function () {
      var self = this;
      this.$refs.dialogForm.validate(function (valid) {
        if (!valid) return;
        self.saving = true;
        var base = '/api/applications/' + SIM.app.id + '/study-history/rows';
        var req = self.editing ? self.api('PUT', base + '/' + self.editing.id, self.row) : self.api('POST', base, self.row);
        req.then(function (r) {
          self.saving = false;
          self.rows = r.rows;
          self.dialog = false;
          self.$message({ type: 'success', message: '保存成功' });
        }, function () { self.saving = false; });
      });
    },
    remove: function (row) {
      var self = this;
      this.$confirm('确定删除该条学习经历吗？', '提示', { type: 'warning', confirmButtonText: '确定', cancelButtonText: '取消' }).then(function () {
        return self.api('DELETE', '/api/applications/' + SIM.app.id + '/study-history/rows/' + row.id).then(function (r) {
          self.rows = r.rows;
          self.$message({ type: 'success', message: '已删除' });
        });
      }, function () {});
    },
    payload: function (next) { return { next: next }; }
  }
});
