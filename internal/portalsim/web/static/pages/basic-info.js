simPage({
  data: function () {
    var req = function (msg, trigger) { return { required: true, message: msg, trigger: trigger || 'blur' }; };
    // The identity is part of the form model so each item can carry a prop
    // like every other field; the server ignores it (registration owns it).
    var form = Object.assign({}, SIM.identity, SIM.form);
    return {
      form: form,
      regions: window.SIM_REGIONS || [],
      regionProps: { value: 'n', label: 'n', children: 'd' },
      pastOnly: { disabledDate: function (d) { return d.getTime() > Date.now(); } },
      rules: {
        birth_date: [req('请选择出生日期', 'change')],
        name_pinyin: [req('请输入姓名拼音'),
          { pattern: /^[A-Z]+( [A-Z]+)*$/, message: '请填写大写拼音，姓与名之间用空格分隔', trigger: 'blur' }],
        phone: [req('请输入手机号码'), { pattern: /^1[3-9]\d{9}$/, message: '手机号码格式不正确', trigger: 'blur' }],
        email: [req('请输入电子邮箱'), { type: 'email', message: '电子邮箱格式不正确', trigger: 'blur' }],
        region: [{ type: 'array', required: true, message: '请选择通讯地址', trigger: 'change' }],
        address_detail: [req('请输入详细地址')],
        postal_code: [req('请输入邮政编码'), { pattern: /^\d{6}$/, message: '邮政编码应为6位数字', trigger: 'blur' }]
      }
    };
  }
});
