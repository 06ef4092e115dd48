/* Shared front-end code of the simulator: the API helper, session expiry,
   the country list, and the step-page behaviour (上一步 / 保存 / 下一步).
   Each page script calls simPage({...}) with its own Vue options. */
(function () {
  'use strict';
  var SIM = window.SIM || {};

  function loginURL(expired) {
    var back = location.pathname + location.search;
    return '/login?redirect=' + encodeURIComponent(back) + (expired ? '&expired=1' : '');
  }

  // api sends JSON and resolves with the reply. Errors are shown as an
  // el-message toast (the server's message) and reject; a 401 goes to the
  // login page, which comes back here after login. The draft is kept.
  function api(method, url, body) {
    var opts = { method: method, credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (body !== undefined) {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(body);
    }
    return fetch(url, opts).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        if (res.ok) return data;
        var msg = data.message || ('请求失败（HTTP ' + res.status + '）');
        if (res.status === 401) {
          location.href = loginURL(true);
        } else {
          Vue.prototype.$message({ type: 'error', message: msg, duration: 4000, showClose: true });
        }
        var err = new Error(msg);
        err.status = res.status;
        err.field = data.field;
        throw err;
      });
    }, function (e) {
      Vue.prototype.$message({ type: 'error', message: '网络异常，请检查网络后重试', duration: 4000 });
      throw e;
    });
  }

  // countries returns the dropdown's options: the common destinations
  // first, the rest in pinyin order, as the portal lists them.
  function countries(includeChina) {
    var common = SIM.countries.common, rest = SIM.countries.others.slice();
    rest.sort(function (a, b) { return a.localeCompare(b, 'zh-Hans-CN'); });
    var list = common.concat(rest);
    if (includeChina) list.unshift('中国');
    return list;
  }

  function humanSize(n) {
    if (n >= 1048576) return (n / 1048576).toFixed(n % 1048576 ? 1 : 0) + 'MB';
    if (n >= 1024) return Math.round(n / 1024) + 'KB';
    return n + 'B';
  }

  var common = {
    data: function () { return { sim: SIM, saving: false }; },
    methods: {
      api: api,
      go: function (url) { location.href = url; },
      logout: function () {
        api('POST', '/api/logout').then(function (r) { location.href = r.redirect || '/login'; });
      },
      // prev goes back a step without saving, like the portal's 上一步.
      prev: function () { location.href = SIM.prevURL; },
      // payload is what 保存 sends; pages with a form override it.
      payload: function () { return this.form; },
      // save validates the form (errors appear under the fields), sends it,
      // then either toasts 保存成功 or moves on to the next step.
      save: function (next) {
        var self = this;
        var form = this.$refs.form;
        var send = function () {
          self.saving = true;
          var body = self.payload(next);
          return api('PUT', '/api/applications/' + SIM.app.id + '/' + SIM.page, body).then(function () {
            if (next) {
              location.href = SIM.nextURL;
            } else {
              self.saving = false;
              self.$message({ type: 'success', message: '保存成功' });
            }
          }, function () { self.saving = false; });
        };
        if (!form) return send();
        form.validate(function (valid) {
          if (!valid) {
            self.$nextTick(function () {
              var el = document.querySelector('.is-error');
              if (el) el.scrollIntoView({ block: 'center' });
            });
            return;
          }
          send();
        });
      }
    }
  };

  window.simAPI = api;
  window.simCountries = countries;
  window.simHumanSize = humanSize;
  window.simLoginURL = loginURL;

  // simPage mounts the page's Vue app on #app with the shared behaviour.
  window.simPage = function (options) {
    options = options || {};
    options.mixins = [common].concat(options.mixins || []);
    options.el = '#app';
    return new Vue(options);
  };
})();
