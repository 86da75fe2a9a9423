# One image for the gateway, the workers and the agency simulators; docker-compose.yml picks the role.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
USER node
EXPOSE 4000
CMD ["node", "--import", "tsx", "hub/main.ts"]
