simPage({
  data: function () {
    var lists = {};
    SIM.slots.forEach(function (s) {
      lists[s.key] = (SIM.files[s.key] || []).map(function (f) {
        return { name: f.name, uid: 'srv-' + s.key + '-' + f.id, id: f.id, status: 'success' };
      });
    });
    var sign = SIM.slots.filter(function (s) { return s.sign; })[0];
    return { slots: SIM.slots, fileLists: lists, signOpen: false, signed: !!(sign && sign.signed), hasSign: !!sign, strokes: 0, drawing: false, timer: null };
  },
  mounted: function () { if (this.hasSign && !this.signed) this.pollSign(); },
  beforeDestroy: function () { clearTimeout(this.timer); },
  methods: {
    // pollSign follows the signature (signed in the dialog, or elsewhere).
    pollSign: function () {
      var self = this;
      this.timer = setTimeout(function () {
        self.api('GET', '/api/applications/' + SIM.app.id + '/sign').then(function (st) {
          self.signed = st.signed;
          if (!st.signed) self.pollSign();
        }, function () { self.pollSign(); });
      }, 700);
    },
    padDown: function (e) { this.drawing = true; var c = this.$refs.pad.getContext('2d'); c.beginPath(); c.moveTo(e.offsetX, e.offsetY); },
    padMove: function (e) {
      if (!this.drawing) return;
      var c = this.$refs.pad.getContext('2d'); c.lineTo(e.offsetX, e.offsetY); c.stroke();
    },
    padUp: function () { if (this.drawing) this.strokes++; this.drawing = false; },
    padClear: function () { var p = this.$refs.pad; p.getContext('2d').clearRect(0, 0, p.width, p.height); this.strokes = 0; },
    signConfirm: function () {
      var self = this;
      self.saving = true;
      self.api('POST', '/api/applications/' + SIM.app.id + '/sign', { strokes: self.strokes }).then(function () {
        self.saving = false; self.signed = true; self.signOpen = false;
        self.$message({ type: 'success', message: '签署成功' });
      }, function () { self.saving = false; });
    },
    // beforeUpload refuses a wrong type or an oversized file before it is
    // sent; the server checks again, by content.
    beforeUpload: function (s) {
      var self = this;
      return function (file) {
        var okType = s.type === 'pdf' ? /\.pdf$/i.test(file.name) : (s.png ? /\.(jpe?g|png)$/i : /\.jpe?g$/i).test(file.name);
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
