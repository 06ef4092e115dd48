simPage({
  data: function () {
    var lists = {};
    SIM.slots.forEach(function (s) {
      lists[s.key] = (SIM.files[s.key] || []).map(function (f) {
        return { name: f.name, uid: 'srv-' + s.key + '-' + f.id, id: f.id, status: 'success' };
      });
    });
    return { slots: SIM.slots, fileLists: lists };
  },
  methods: {
    // beforeUpload refuses a wrong type or an oversized file before it is
    // sent; the server checks again, by content.
    beforeUpload: function (s) {
      var self = this;
      return function (file) {
        var okType = s.type === 'pdf' ? /\.pdf$/i.test(file.name) : /\.jpe?g$/i.test(file.name);
        if (!okType) {
          self.$message({ type: 'error', message: s.label + '只能上传' + (s.type === 'pdf' ? ' PDF 文件' : ' JPG 图片'), duration: 4000 });
          return false;
        }
        if (file.size > s.max_bytes) {
          self.$message({ type: 'error', message: s.label + '单个文件不能超过 ' + simHumanSize(s.max_bytes), duration: 4000 });
          return false;
        }
        return true;
      };
    },
    exceeded: function (s) {
      var self = this;
      return function () { self.$message({ type: 'error', message: s.label + '最多上传 ' + s.max_files + ' 个文件' }); };
    },
    uploaded: function (s) {
      var self = this;
      return function (res, file) {
        file.id = res.id;
        self.$message({ type: 'success', message: file.name + ' 上传成功' });
      };
    },
    // failed shows the server's reason; an expired session goes to login.
    failed: function (s) {
      var self = this;
      return function (err) {
        var msg = '上传失败，请重试';
        try { msg = JSON.parse(err.message).message || msg; } catch (e) {}
        if (err.status === 401) { location.href = simLoginURL(true); return; }
        self.$message({ type: 'error', message: msg, duration: 5000, showClose: true });
      };
    },
    // removing deletes the file on the server first; the list keeps it if
    // the server refuses.
    removing: function (s) {
      var self = this;
      return function (file) {
        var id = file.id || (file.response && file.response.id);
        if (!id || file.status !== 'success') return true;
        return self.api('DELETE', '/api/applications/' + SIM.app.id + '/materials/' + s.key + '/' + id);
      };
    },
    payload: function (next) { return { next: next }; }
  }
});
