simPage({
  data: function () {
    return {
      form: SIM.form,
      rules: { apply_type: [{ required: true, message: '请选择申请类型', trigger: 'change' }] }
    };
  }
});
