simPage({});
