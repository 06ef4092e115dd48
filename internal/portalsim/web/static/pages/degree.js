simPage({
  data: function () {
    var self = this;
    var req = function (msg, trigger) { return { required: true, message: msg, trigger: trigger || 'blur' }; };
    var latin = function (label) {
      return { validator: function (r, v, cb) { cb(/[\u4e00-\u9fff]/.test(v || '') ? new Error(label + '请填写外文，不要填写中文') : undefined); }, trigger: 'blur' };
    };
    var after = function (field, msg) {
      return { validator: function (r, v, cb) { var o = self.form[field]; cb(v && o && v <= o ? new Error(msg) : undefined); }, trigger: 'change' };
    };
    var inst = SIM.form.awarding_institution;
    return {
      form: SIM.form,
      supplement: '',
      countryOptions: simCountries(false),
      instOptions: inst && inst !== '其他（手动输入）' ? [inst, '其他（手动输入）'] : (inst ? ['其他（手动输入）'] : []),
      instLoading: false,
      instSeq: 0,
      rules: {
        awarding_country: [req('请选择颁证学校所在地点', 'change')],
        awarding_institution: [req('请选择颁证学校外文名称', 'change')],
        awarding_institution_manual: [req('请输入颁证学校外文名称'), latin('颁证学校外文名称')],
        degree_name: [req('请输入学位外文名称'), latin('学位外文名称')],
        level: [req('请选择学位层次', 'change')],
        award_date: [req('请选择授予时间', 'change')],
        major_foreign: [req('请输入学习专业（外文）'), latin('学习专业（外文）')],
        major_chinese: [req('请输入学习专业（中文）')],
        study_country: [req('请选择就读地点', 'change')],
        study_institution: [req('请输入就读学校外文名称')],
        start: [req('请选择学习开始时间', 'change')],
        end: [req('请选择学习结束时间', 'change'), after('start', '学习结束时间应晚于开始时间')],
        student_number: [req('请输入学号，没有请填写“无”')],
        discipline: [req('请选择学科类别', 'change')],
        remote_study: [req('请选择是否有远程修读经历', 'change')],
        remote_explanation: [req('请填写远程修读说明'), { min: 10, message: '请说明原因、起止时间和课程（至少10个字）', trigger: 'blur' }]
      }
    };
  },
  methods: {
    // Changing the country clears the institution: its list depends on it.
    countryChanged: function () {
      this.form.awarding_institution = '';
      this.form.awarding_institution_manual = '';
      this.instOptions = [];
      this.searchInstitutions('');
    },
    ensureInstitutions: function () {
      if (this.instOptions.length <= 2) this.searchInstitutions('');
    },
    searchInstitutions: function (q) {
      var self = this, seq = ++this.instSeq;
      if (!this.form.awarding_country) return;
      this.instLoading = true;
      this.api('GET', '/api/institutions?country=' + encodeURIComponent(this.form.awarding_country) + '&q=' + encodeURIComponent(q || ''))
        .then(function (r) {
          if (seq !== self.instSeq) return; // a newer search is on its way
          self.instOptions = r.items;
          self.instLoading = false;
        }, function () { if (seq === self.instSeq) self.instLoading = false; });
    }
  }
});
